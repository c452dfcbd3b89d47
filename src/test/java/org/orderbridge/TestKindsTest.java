package org.orderbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The fast loop (-Pfast) and the full run choose tests by their JUnit tag, so a test class without one would run in
 * neither the way its author meant: every test class names its kind, on itself or through an annotation such as
 * {@code @OrderBridgeTest} (CONTRIBUTING.md, "Kinds of test").
 */
@Tag("unit")
class TestKindsTest {

    // "exclusive" is not a kind but how a reliability scenario runs: alone, after the others.
    private static final Set<String> KINDS =
            Set.of("unit", "slice", "end-to-end", "browser", "reliability", "exclusive");
    private static final Path SOURCES = Path.of("src/test/java");

    @Test
    void everyTestClassDeclaresOneOfTheKnownKinds() throws IOException {
        List<Class<?>> tests;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            tests = files.filter(file -> file.getFileName().toString().matches(".*(Test|IT)\\.java"))
                    .map(TestKindsTest::load)
                    .filter(type -> !type.isAnnotation())
                    .toList();
        }
        assertThat(tests).isNotEmpty();

        assertThat(tests).allSatisfy(test -> {
            var kinds = AnnotationSupport.findRepeatableAnnotations(test, Tag.class).stream()
                    .map(Tag::value)
                    .toList();
            assertThat(kinds)
                    .as("%s's kinds: @Tag(\"unit\"), @Tag(\"slice\"), @OrderBridgeTest, ...", test.getName())
                    .isNotEmpty()
                    .allMatch(KINDS::contains);
        });
    }

    private static Class<?> load(Path source) {
        String name = SOURCES.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
        try {
            return Class.forName(name, false, TestKindsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(source + " compiles to no class of its name", e);
        }
    }
}
