package dev.netc.processor.read;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Java side of an annotated network: the interface the generated class implements and how its method's
 * parameter and return value map to the network's input and output vectors. Plain names only, so code generation
 * needs no {@code javax.lang.model}.
 *
 * @param interfaceName the interface, for example {@code com.example.Iris}
 * @param methodName the abstract method the generated class implements
 * @param parameterName the method's parameter name
 * @param inputRecord the input record, or empty for {@code float[]}
 * @param componentTypes the record components' primitive types ({@code float}, {@code double}, ...), in order, one per
 *     input feature; empty for {@code float[]}
 * @param output what the method returns
 * @param outputEnum the returned enum when {@code output} is {@link Output#ENUM}
 */
public record JavaSignature(
        TypeRef interfaceName,
        String methodName,
        String parameterName,
        Optional<TypeRef> inputRecord,
        List<String> componentTypes,
        Output output,
        Optional<TypeRef> outputEnum) {

    public JavaSignature {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(parameterName, "parameterName");
        Objects.requireNonNull(inputRecord, "inputRecord");
        componentTypes = List.copyOf(componentTypes);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputEnum, "outputEnum");
        if (outputEnum.isPresent() != (output == Output.ENUM)) {
            throw new IllegalArgumentException("an enum name goes with an enum output only, found " + output);
        }
    }

    /** The return types a network method may have. */
    public enum Output {
        /** Every output unit. */
        FLOAT_ARRAY("float[]"),
        /** The one output unit. */
        FLOAT("float"),
        /** The index of the largest output unit (arg-max). */
        INT("int"),
        /** The one output unit, thresholded. */
        BOOLEAN("boolean"),
        /** The constant at the arg-max index; the constants name the classes. */
        ENUM("enum");

        private final String javaName;

        Output(String javaName) {
            this.javaName = javaName;
        }

        /** How the type is written in Java ({@code float[]}); {@code enum} for any enum. */
        public String javaName() {
            return javaName;
        }
    }
}
