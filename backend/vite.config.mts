// Vaadin runs Vite from the backend module's folder; the real configuration lives with the frontend sources.
export { default } from '../frontend/vite.config';
