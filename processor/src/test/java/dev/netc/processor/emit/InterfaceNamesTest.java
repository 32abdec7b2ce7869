package dev.netc.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.netc.processor.read.JavaSignature;
import dev.netc.processor.read.JavaSignature.Output;
import dev.netc.processor.read.TypeRef;
import dev.netc.spec.CheckedNetwork;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Names in a class generated from an interface cannot collide: a method parameter named like something the method's
 * body uses is renamed, record components named like the class's constants are read through their accessors, and a
 * record nested in the interface is referred to as such.
 */
class InterfaceNamesTest {

    @Test
    void aParameterNamedLikeWhatTheBodyUsesIsRenamedAndANestedRecordIsFound() throws Exception {
        CheckedNetwork network = GeneratedNetworks.checked(
                """
                network: OddNet
                package: com.example.odd
                input: [INPUT_SIZE, parameters]
                layers:
                  - {dense: 1, activation: linear}
                loss: mean_squared_error
                """);
        JavaSignature signature = new JavaSignature(
                TypeRef.of("com.example.odd", "Odd"),
                "w",
                "w",
                Optional.of(TypeRef.of("com.example.odd", "Odd", "In")),
                List.of("float", "double"),
                Output.FLOAT,
                Optional.empty());
        JavaFile file = NetworkClassEmitter.emit(network, Optional.of(signature), EmitOptions.of("interface Odd"));
        JavaFileObject odd = JavaFileObjects.forSourceString(
                "com.example.odd.Odd",
                """
                package com.example.odd;

                public interface Odd {
                    float w(In w);

                    record In(float INPUT_SIZE, double parameters) {}
                }
                """);
        ClassLoader oddLoader = GeneratedNetworks.load(GeneratedNetworks.compile(List.of(file), List.of(odd)));
        float[] parameters = {0.5f, -2f, 0.25f};
        Object net = GeneratedNetworks.instance(oddLoader, "com.example.odd.OddNet", parameters);
        Object in = oddLoader
                .loadClass("com.example.odd.Odd$In")
                .getConstructor(float.class, double.class)
                .newInstance(3f, 0.125);

        assertEquals(0.5f * 3f - 2f * 0.125f + 0.25f, GeneratedNetworks.call(net, "w", in));
        assertTrue(file.toString().contains("public float w(Odd.In w_) {"), file.toString());
    }
}
