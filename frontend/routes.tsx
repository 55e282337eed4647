import { RouterConfigurationBuilder } from '@vaadin/hilla-file-router/runtime.js';
import fileRoutes from 'Frontend/generated/file-routes';

/**
 * The SPA's routes: the file-based views only. No server-side (Flow) fallback: this application has no Flow views, and
 * that fallback turned every unknown address into "Connection lost, trying to reconnect…". `views/{...wildcard}.tsx`
 * answers every address no view claims, at every depth (`withDeepWildcard`), with "Pagina niet gevonden".
 */
export const { router, routes } = new RouterConfigurationBuilder().withFileRoutes(fileRoutes).withDeepWildcard().protect().build();
