package dev.netc.processor.report;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints a message on the exact source tree of an annotation value, through javac's {@link Trees}. {@code Messager}
 * cannot do this for repeated annotations: it blames the annotated method (STYLE.md, "Two javac facts" #1).
 *
 * <p>The walk goes from the element's declaration to its modifiers, to its annotations as written (looking inside an
 * explicit container such as {@code @Dense.List({...})}), to the {@link JavacLocation#repeat}-th annotation of the
 * wanted type, to the assignment of the wanted member, and to the wanted array element. A member not written (a
 * default) is blamed on the annotation.
 *
 * <p>This class is the only one that names {@code com.sun.source}; it is loaded only when {@link #create} is called,
 * so a compiler without those classes still gets {@code Messager}'s positions.
 */
final class TreeLocator {

    private final Trees trees;

    private TreeLocator(Trees trees) {
        this.trees = trees;
    }

    /**
     * The locator for javac's own environment, or empty when the environment is wrapped (Gradle's incremental
     * processing, IntelliJ's build) or is not javac's.
     */
    static Optional<TreeLocator> create(ProcessingEnvironment environment) {
        try {
            return Optional.of(new TreeLocator(Trees.instance(environment)));
        } catch (IllegalArgumentException notJavac) {
            return Optional.empty();
        }
    }

    /**
     * Prints {@code message} at {@code location}.
     *
     * @return false, having printed nothing, when the element has no source tree (it came from a class file)
     */
    boolean print(Kind kind, String message, JavacLocation location) {
        TreePath path = trees.getPath(location.element());
        if (path == null) {
            return false;
        }
        Tree target = location.annotation()
                .flatMap(mirror -> annotationTree(path, mirror, location.repeat()))
                .map(annotation -> valueTree(annotation, location))
                .orElse(path.getLeaf());
        trees.printMessage(kind, message, target, path.getCompilationUnit());
        return true;
    }

    private Optional<AnnotationTree> annotationTree(TreePath declaration, AnnotationMirror mirror, int repeat) {
        ModifiersTree modifiers = modifiersOf(declaration.getLeaf());
        if (modifiers == null) {
            return Optional.empty();
        }
        Element wanted = mirror.getAnnotationType().asElement();
        List<AnnotationTree> matches = new ArrayList<>();
        for (AnnotationTree annotation : writtenAnnotations(modifiers)) {
            TreePath typePath = TreePath.getPath(declaration.getCompilationUnit(), annotation.getAnnotationType());
            if (typePath != null && wanted.equals(trees.getElement(typePath))) {
                matches.add(annotation);
            }
        }
        return repeat < matches.size() ? Optional.of(matches.get(repeat)) : Optional.empty();
    }

    /**
     * The annotations as written, in source order, each followed by the annotations inside it: the content of an
     * explicit container such as {@code @Dense.List({@Dense(...), @Dense(...)})}.
     */
    private static List<AnnotationTree> writtenAnnotations(ModifiersTree modifiers) {
        List<AnnotationTree> written = new ArrayList<>();
        for (AnnotationTree annotation : modifiers.getAnnotations()) {
            written.add(annotation);
            for (ExpressionTree argument : annotation.getArguments()) {
                ExpressionTree value =
                        argument instanceof AssignmentTree assignment ? assignment.getExpression() : argument;
                List<? extends ExpressionTree> items =
                        value instanceof NewArrayTree array ? array.getInitializers() : List.of(value);
                for (ExpressionTree item : items == null ? List.<ExpressionTree>of() : items) {
                    if (item instanceof AnnotationTree nested) {
                        written.add(nested);
                    }
                }
            }
        }
        return written;
    }

    /** The tree of the location's value (or array element), or the annotation when the value was not written. */
    private static Tree valueTree(AnnotationTree annotation, JavacLocation location) {
        if (location.value().isEmpty()) {
            return annotation;
        }
        String member = location.value().get();
        for (ExpressionTree argument : annotation.getArguments()) {
            ExpressionTree value = valueOf(argument, member);
            if (value != null) {
                return elementOf(value, location.index());
            }
        }
        return annotation;
    }

    /** The expression assigned to {@code member} by {@code argument}, or null when it assigns another member. */
    private static ExpressionTree valueOf(ExpressionTree argument, String member) {
        if (argument instanceof AssignmentTree assignment) {
            ExpressionTree variable = assignment.getVariable();
            boolean matches =
                    variable instanceof IdentifierTree name && name.getName().contentEquals(member);
            return matches ? assignment.getExpression() : null;
        }
        return member.equals("value") ? argument : null; // the single-element shorthand @Optimizer(SGD)
    }

    private static Tree elementOf(ExpressionTree value, int index) {
        if (index == JavacLocation.NO_INDEX || !(value instanceof NewArrayTree array)) {
            return value; // a one-element array may be written without braces: inputs = "a"
        }
        List<? extends ExpressionTree> items = array.getInitializers();
        return items != null && index < items.size() ? items.get(index) : value;
    }

    private static ModifiersTree modifiersOf(Tree declaration) {
        if (declaration instanceof MethodTree method) {
            return method.getModifiers();
        }
        if (declaration instanceof ClassTree type) {
            return type.getModifiers();
        }
        if (declaration instanceof VariableTree variable) {
            return variable.getModifiers();
        }
        return null;
    }
}
