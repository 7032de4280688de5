package org.pingppopenapi.apitooling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.apitooling.SpecOperations.Operation;

/**
 * The reference page (redocly build-docs --inlineBundle) as a reader sees it: opened from disk in headless
 * Chromium with no network, every operation of the spec must be rendered under its tag.
 */
@DisplayName("Reference docs in headless Chromium")
class ReferenceDocsBrowserTest {

    private static final Pattern EXTERNAL_RESOURCE = Pattern.compile(
            "<(?:script|link|img)\\b[^>]*\\b(?:src|href)\\s*=\\s*[\"']?(?:https?:)?//", Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("the page is self-contained: no script, style or image from another host")
    void pageIsSelfContained() throws IOException {
        String html = Files.readString(BuildPaths.docsHtml(), StandardCharsets.UTF_8);

        assertThat(EXTERNAL_RESOURCE.matcher(html).find()).as("an external <script>/<link>/<img> in %s", BuildPaths.docsHtml()).isFalse();
        assertThat(html).as("the Redoc bundle is inlined").contains("hydrate(").doesNotContain("redoc.standalone.js");
    }

    @Test
    @DisplayName("every operation's summary is rendered as a heading on its tag's page; screenshots saved")
    void everyOperationSummaryIsRendered() throws IOException {
        List<Operation> operations = SpecOperations.all(SpecOperations.shipped());
        Map<String, List<String>> summariesByTag = operations.stream().collect(Collectors.groupingBy(Operation::tag,
                LinkedHashMap::new, Collectors.mapping(Operation::summary, Collectors.toList())));
        assertThat(operations).as("operations in the spec").isNotEmpty();
        String collect = resource("/docs/collect-operation-headings.js");
        Path screenshots = BuildPaths.docsScreenshots();

        try (HeadlessChromium chromium = HeadlessChromium.launch(1400, 1000)) {
            chromium.navigate(BuildPaths.docsHtml().toUri());
            chromium.screenshot(screenshots.resolve("overview.png"));

            JsonNode pages = chromium.evaluate("(" + collect + ")(" + SpecOperations.JSON.writeValueAsString(summariesByTag) + ")");

            SoftAssertions softly = new SoftAssertions();
            for (Operation operation : operations) {
                JsonNode page = pages.path(operation.tag());
                List<String> headings = new ArrayList<>();
                page.path("headings").forEach(heading -> headings.add(heading.asText()));
                softly.assertThat(headings)
                        .as("headings on the page of tag '%s' (%s), looking for the summary of %s",
                                operation.tag(), page.path("hash").asText(page.path("error").asText()), operation)
                        .contains(operation.summary());
            }
            softly.assertAll();

            // The first operation as a reader finds it: its tag, then the operation, clicked in the sidebar.
            Operation first = operations.get(0);
            JsonNode shown = chromium.evaluate("(async (tag, summary) => {"
                    + " const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));"
                    + " const firstLine = element => element.innerText.split('\\n')[0].trim();"
                    + " [...document.querySelectorAll('.menu-item-type-group > a')].find(a => firstLine(a) === tag).click();"
                    + " await sleep(500);"
                    + " const entry = [...document.querySelectorAll('.menu-item-type-operation > a')].find(a => firstLine(a) === summary);"
                    + " if (!entry) return 'no sidebar entry';"
                    + " entry.click();"
                    + " for (let i = 0; i < 100; i++) {"
                    + "   await sleep(100);"
                    + "   const heading = [...document.querySelectorAll('[data-testid=\"middle-panel\"] h2')].find(h => firstLine(h) === summary);"
                    + "   if (heading) { heading.scrollIntoView(); await sleep(300); return 'shown'; }"
                    + " }"
                    + " return 'no heading';"
                    + " })(" + SpecOperations.JSON.writeValueAsString(first.tag()) + ", " + SpecOperations.JSON.writeValueAsString(first.summary()) + ")");
            assertThat(shown.asText()).as("%s opened from the sidebar", first).isEqualTo("shown");
            chromium.screenshot(screenshots.resolve("first-operation.png"));
        }

        for (String name : List.of("overview.png", "first-operation.png")) {
            BufferedImage image = ImageIO.read(screenshots.resolve(name).toFile());
            assertThat(image).as("%s is a PNG", name).isNotNull();
            assertThat(image.getWidth()).as("%s width", name).isEqualTo(1400);
            assertThat(image.getHeight()).as("%s height", name).isEqualTo(1000);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = ReferenceDocsBrowserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
