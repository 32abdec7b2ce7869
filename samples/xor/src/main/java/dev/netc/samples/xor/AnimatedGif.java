package dev.netc.samples.xor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes an animated GIF with the JDK's own GIF writer, so no library is needed. The writer makes one frame per
 * {@link ImageWriter#writeToSequence} call; what makes it an animation is the metadata: each frame's delay in the
 * standard {@code GraphicControlExtension}, and the Netscape application extension (the de-facto loop marker every
 * browser honours) on the first frame, with a loop count of 0 for "forever".
 */
final class AnimatedGif {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {}

    /**
     * Writes {@code frames} (all of one size) to {@code out}, each shown for {@code delayMillis} and the last for
     * {@code lastDelayMillis}, looping forever. {@code out} is not closed.
     */
    static void write(List<BufferedImage> frames, int delayMillis, int lastDelayMillis, OutputStream out)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame, found none");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no GIF image writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                int delay = i == frames.size() - 1 ? lastDelayMillis : delayMillis;
                IIOMetadata metadata = frameMetadata(writer, frame, delay, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, int delayMillis, boolean first)
            throws IIOInvalidTreeException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);

        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");

        if (first) {
            IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
            extension.setAttribute("applicationID", "NETSCAPE");
            extension.setAttribute("authenticationCode", "2.0");
            extension.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 (little-endian), forever
            child(root, "ApplicationExtensions").appendChild(extension);
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    /** The child of {@code parent} named {@code name}, added if there is none. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
