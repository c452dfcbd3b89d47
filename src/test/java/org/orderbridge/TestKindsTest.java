package org.orderbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast loop (-Pfast) and the full run choose tests by their JUnit tag, so a test class without one would run in
 * neither the way its author meant: every test class names its kind (CONTRIBUTING.md, "Kinds of test").
 */
@Tag("unit")
class TestKindsTest {

    private static final Set<String> KINDS = Set.of("unit", "slice", "end-to-end", "browser", "reliability");
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"([^\"]+)\"\\)");

    @Test
    void everyTestClassDeclaresOneOfTheKnownKinds() throws IOException {
        List<Path> tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            tests = files.filter(file -> file.getFileName().toString().matches(".*(Test|IT)\\.java"))
                    .filter(file -> !file.getFileName().toString().equals("OrderBridgeTest.java"))
                    .toList();
        }
        assertThat(tests).isNotEmpty();

        assertThat(tests).allSatisfy(test -> {
            String source = Files.readString(test);
            var tags = TAG.matcher(source).results().map(m -> m.group(1)).toList();
            assertThat(source.contains("@OrderBridgeTest") || !tags.isEmpty())
                    .as("%s carries a kind: @Tag(\"unit\"), @Tag(\"slice\"), @OrderBridgeTest, ...", test)
                    .isTrue();
            assertThat(KINDS).as("%s's tags", test).containsAll(tags);
        });
    }
}
