package dev.netc.processor;

import dev.netc.processor.read.JavaSignature;
import dev.netc.spec.CheckedNetwork;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * A network that read and validated with no error, ready for code generation: the checked network, the Java
 * signature its class implements, and the interface it came from (the originating element of the generated file).
 *
 * @param network the checked network
 * @param signature the interface's method, parameter and return type
 * @param origin the annotated interface
 */
public record ReadyNetwork(CheckedNetwork network, JavaSignature signature, TypeElement origin) {

    public ReadyNetwork {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(origin, "origin");
    }
}
