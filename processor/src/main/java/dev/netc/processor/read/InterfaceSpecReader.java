package dev.netc.processor.read;

import dev.netc.Loss;
import dev.netc.Network;
import dev.netc.Optimizer;
import dev.netc.Training;
import dev.netc.processor.report.JavacLocation;
import dev.netc.spec.LayerSpec;
import dev.netc.spec.NetworkSpec;
import dev.netc.spec.OptimizerSpec;
import dev.netc.spec.TrainingSpec;
import dev.netc.spec.diag.DiagnosticCode;
import dev.netc.spec.diag.Diagnostics;
import dev.netc.spec.diag.Positions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads a {@link Network}-annotated interface into a {@link NetworkSpec} and the {@link JavaSignature} the generated
 * class implements. It checks what only the Java form can get wrong (the kind of element, the method, the parameter
 * and return types); the validator checks the network itself.
 *
 * <p>Every position is an {@link JavacLocation}: the interface, the method, each annotation, and each value written in
 * an annotation, keyed by the YAML attribute names, so the validator's messages land on the value at fault.
 */
public final class InterfaceSpecReader {

    private final Elements elements;
    private final LayerReader layers;

    public InterfaceSpecReader(Elements elements) {
        this.elements = elements;
        this.layers = new LayerReader(elements);
    }

    /**
     * Reads {@code type}, reporting what is wrong into {@code diagnostics}.
     *
     * @return the network, or empty when it could not be read. A network may come back with errors reported (an
     *     optimizer option the kind does not use, a non-numeric record component) so that validation can report the
     *     rest at once; it is not to be generated unless {@code diagnostics} is clean. An annotation value that javac
     *     itself rejects gives empty with nothing reported, as javac's message says it all.
     */
    public Optional<AnnotatedNetwork> read(TypeElement type, Diagnostics diagnostics) {
        Optional<AnnotationMirror> network = annotation(type, Network.class);
        Optional<AnnotationValues> values = network.flatMap(mirror -> AnnotationValues.of(elements, mirror));
        Optional<AnnotationMirror> optimizer = annotation(type, Optimizer.class);
        Optional<AnnotationValues> optimizerValues = optimizer.flatMap(mirror -> AnnotationValues.of(elements, mirror));
        Optional<AnnotationMirror> training = annotation(type, Training.class);
        Optional<AnnotationValues> trainingValues = training.flatMap(mirror -> AnnotationValues.of(elements, mirror));
        if (values.isEmpty()
                || optimizer.isPresent() != optimizerValues.isPresent()
                || training.isPresent() != trainingValues.isPresent()) {
            return Optional.empty();
        }
        JavacLocation networkAt = JavacLocation.of(type, network.get(), 0);
        Optional<JavacLocation> optimizerAt = optimizer.map(mirror -> JavacLocation.of(type, mirror, 0));
        Optional<JavacLocation> trainingAt = training.map(mirror -> JavacLocation.of(type, mirror, 0));
        if (type.getKind() != ElementKind.INTERFACE) {
            String found = type.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + type;
            diagnostics.error(DiagnosticCode.NETWORK_NOT_INTERFACE, networkAt.position(), found);
            return Optional.empty();
        }
        List<ExecutableElement> methods = JavaTypeChecks.abstractMethods(type, elements);
        if (methods.size() != 1) {
            diagnostics.error(
                    DiagnosticCode.WRONG_METHOD_COUNT, JavacLocation.of(type).position(), methods.size());
            return Optional.empty();
        }
        ExecutableElement method = methods.get(0);
        Optional<List<LayerSpec>> layerSpecs = layers.read(method, diagnostics);
        int inputSize = values.get().getInt("inputSize");
        JavacLocation inputSizeAt = values.get().isWritten("inputSize") ? networkAt.value("inputSize") : networkAt;
        Optional<InputReader.Input> input = InputReader.read(method, inputSize, inputSizeAt, diagnostics);
        Optional<OutputReader.Result> output = OutputReader.read(method, diagnostics);
        Optional<OptimizerSpec> optimizerSpec = optimizerValues.map(
                optimizerAnnotation -> OptimizerReader.read(optimizerAnnotation, optimizerAt.get(), diagnostics));
        Optional<TrainingSpec> trainingSpec =
                trainingValues.map(trainingAnnotation -> training(trainingAnnotation, trainingAt.get()));
        if (layerSpecs.isEmpty() || input.isEmpty() || output.isEmpty()) {
            return Optional.empty();
        }
        NetworkSpec spec = new NetworkSpec(
                className(type, values.get()),
                elements.getPackageOf(type).getQualifiedName().toString(),
                input.get().spec(),
                layerSpecs.get(),
                Loss.valueOf(values.get().getEnumConstant("loss")),
                optimizerSpec,
                trainingSpec,
                output.get().classes(),
                positions(type, method, networkAt, values.get(), input.get(), optimizerAt, trainingAt));
        JavaSignature signature = new JavaSignature(
                TypeRef.of(type),
                method.getSimpleName().toString(),
                input.get().parameterName(),
                input.get().recordName(),
                input.get().componentTypes(),
                output.get().kind(),
                output.get().enumName());
        return Optional.of(new AnnotatedNetwork(spec, signature));
    }

    /** {@code @Network(name)}, or the interface's simple name followed by {@code Net}. */
    private static String className(TypeElement type, AnnotationValues network) {
        String name = network.getString("name");
        return name.isEmpty() ? type.getSimpleName() + "Net" : name;
    }

    private static Positions positions(
            TypeElement type,
            ExecutableElement method,
            JavacLocation networkAt,
            AnnotationValues network,
            InputReader.Input input,
            Optional<JavacLocation> optimizerAt,
            Optional<JavacLocation> trainingAt) {
        Positions positions = Positions.of(JavacLocation.of(type).position())
                .with(NetworkSpec.NAME, (network.isWritten("name") ? networkAt.value("name") : networkAt).position())
                .with(NetworkSpec.LOSS, networkAt.value("loss").position())
                .with(NetworkSpec.INPUT, input.spec().positions().node())
                .with(NetworkSpec.LAYERS, JavacLocation.of(method).position())
                .with(NetworkSpec.CLASSES, JavacLocation.of(method).position());
        if (optimizerAt.isPresent()) {
            positions = positions.with(NetworkSpec.OPTIMIZER, optimizerAt.get().position());
        }
        if (trainingAt.isPresent()) {
            positions = positions.with(NetworkSpec.TRAINING, trainingAt.get().position());
        }
        return positions;
    }

    /** {@code @Training}: the elements written, each in its place; the validator checks that they are at least 1. */
    private static TrainingSpec training(AnnotationValues values, JavacLocation at) {
        TrainingSpec spec = TrainingSpec.NONE;
        for (String option : TrainingSpec.OPTIONS) {
            String member = MemberNames.toJava(option);
            if (values.isWritten(member)) {
                spec = spec.with(option, values.getInt(member));
            }
        }
        return spec.withPositions(values.positions(at));
    }

    private static Optional<AnnotationMirror> annotation(Element element, Class<?> type) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotationType =
                    (TypeElement) mirror.getAnnotationType().asElement();
            if (annotationType.getQualifiedName().contentEquals(type.getCanonicalName())) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }
}
