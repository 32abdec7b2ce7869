package dev.netc.docs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The XML the pages show (poms and pom snippets), read with the JDK's parser and compared by content: comments and
 * the whitespace between elements do not count, so a snippet annotated with {@code <!-- (1) -->} equals the same XML
 * without its notes.
 */
final class Xml {

    private Xml() {}

    /**
     * The root element of {@code xml}, comments and blank text removed, text trimmed.
     *
     * @param where names the text in the failure message
     * @throws AssertionError if the text is not well-formed XML
     */
    static Element parse(String xml, String where) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setIgnoringComments(true);
            Element root = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
            normalise(root);
            return root;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError(where + ": expected well-formed XML: " + e.getMessage(), e);
        }
    }

    /** A snippet of several top-level elements (a pom's {@code <dependencies>} and {@code <build>}), wrapped in one. */
    static Element fragment(String xml, String where) {
        return parse("<fragment>\n" + xml + "</fragment>\n", where);
    }

    /** The child elements of {@code parent} called {@code name}, in order. */
    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    /** The element at a path of child names below {@code parent}, when there is exactly one at each step. */
    static Optional<Element> child(Element parent, String... path) {
        Element at = parent;
        for (String name : path) {
            List<Element> children = children(at, name);
            if (children.size() != 1) {
                return Optional.empty();
            }
            at = children.get(0);
        }
        return Optional.of(at);
    }

    /** The text of the element at {@code path} below {@code parent}, if there is one. */
    static Optional<String> text(Element parent, String... path) {
        return child(parent, path).map(Element::getTextContent);
    }

    /** Whether two elements have the same names, attributes, children and text. */
    static boolean sameContent(Element a, Element b) {
        return a.isEqualNode(b);
    }

    /** The element as indented text, for failure messages. */
    static String show(Element element) {
        try {
            StringWriter text = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.transform(new DOMSource(element), new StreamResult(text));
            return text.toString();
        } catch (TransformerException e) {
            throw new AssertionError("cannot show " + element.getTagName(), e);
        }
    }

    /** Removes whitespace-only text between elements and trims the rest, so that layout does not count. */
    private static void normalise(Node node) {
        NodeList nodes = node.getChildNodes();
        for (int i = nodes.getLength() - 1; i >= 0; i--) {
            Node child = nodes.item(i);
            if (child.getNodeType() == Node.TEXT_NODE) {
                String text = child.getNodeValue().strip();
                if (text.isEmpty()) {
                    node.removeChild(child);
                } else {
                    child.setNodeValue(text);
                }
            } else if (child.getNodeType() == Node.COMMENT_NODE) {
                node.removeChild(child);
            } else {
                normalise(child);
            }
        }
    }
}
