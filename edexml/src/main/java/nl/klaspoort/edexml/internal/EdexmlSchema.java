package nl.klaspoort.edexml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The EDEXML 2.1 schema with the {@code schooljaar} enumeration relaxed and {@code toevoegingen} skipped (see the
 * README beside the XSD files), compiled once. Its includes are read from the classpath only; nothing external.
 */
public final class EdexmlSchema {

    private static final String FOLDER = "/nl/klaspoort/edexml/xsd/";
    private static final Schema SCHEMA = compile();

    private EdexmlSchema() {
    }

    public static Schema get() {
        return SCHEMA;
    }

    private static Schema compile() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML schema factory without secure processing", e);
        }
        factory.setResourceResolver(new ClasspathResolver());
        URL main = resource("EDEXML.structuur.xsd");
        try (InputStream in = main.openStream()) {
            return factory.newSchema(new StreamSource(in, main.toExternalForm()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("EDEXML schema does not compile", e);
        }
    }

    private static URL resource(String name) {
        URL url = EdexmlSchema.class.getResource(FOLDER + name);
        if (url == null) {
            throw new IllegalStateException("EDEXML schema file missing from the classpath: " + name);
        }
        return url;
    }

    /** Resolves {@code xs:include schemaLocation="EDEXML.….xsd"} to the copies beside the main file. */
    private static final class ClasspathResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String base) {
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!name.matches("EDEXML\\.[a-z.]+\\.xsd")) {
                throw new IllegalStateException("EDEXML schema refers to an unknown file: " + name);
            }
            return new Input(resource(name), publicId);
        }
    }

    private record Input(URL url, String publicId) implements LSInput {
        @Override public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @Override public String getSystemId() { return url.toExternalForm(); }
        @Override public String getPublicId() { return publicId; }
        @Override public Reader getCharacterStream() { return null; }
        @Override public String getStringData() { return null; }
        @Override public String getBaseURI() { return null; }
        @Override public String getEncoding() { return null; }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public void setStringData(String stringData) { }
        @Override public void setSystemId(String systemId) { }
        @Override public void setPublicId(String publicId) { }
        @Override public void setBaseURI(String baseURI) { }
        @Override public void setEncoding(String encoding) { }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
