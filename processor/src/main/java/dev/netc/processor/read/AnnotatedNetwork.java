package dev.netc.processor.read;

import dev.netc.spec.NetworkSpec;
import java.util.Objects;

/**
 * What an annotated interface describes: the network, not yet validated, and the Java signature the generated class
 * implements.
 *
 * @param spec the network
 * @param signature the interface's method, parameter and return type
 */
public record AnnotatedNetwork(NetworkSpec spec, JavaSignature signature) {

    public AnnotatedNetwork {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(signature, "signature");
    }
}
