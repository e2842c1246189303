package dev.banyan.architecture.boundary.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.ContextDefinition;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.Finding;
import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.boundary.Occurrence;

/**
 * JUnit XML, so that any CI lists the findings: one test case per finding (failed when new, skipped when in the
 * baseline), grouped by context pair as the class name, and one passing test case per clean context.
 */
public final class JunitXmlReport {

    private JunitXmlReport() {}

    public static String render(Evaluation evaluation) {
        AnalysisResult result = evaluation.result();
        List<String> cases = new ArrayList<>();
        Map<String, Boolean> contextHasFindings = new LinkedHashMap<>();
        for (ContextDefinition context : result.config().contexts()) {
            contextHasFindings.put(context.name(), false);
        }
        int failures = 0;
        int skipped = 0;
        for (Finding finding : result.findings()) {
            contextHasFindings.put(finding.fromContext(), true);
            StringBuilder testCase = new StringBuilder();
            testCase.append("    <testcase classname=\"")
                    .append(escape("boundaries." + finding.fromContext()
                            + (finding.kind() == FindingKind.CYCLE ? ".cycles" : ".to." + finding.toContext())))
                    .append("\" name=\"")
                    .append(escape(finding.kind().id() + ": "
                            + (finding.sourceClass().isEmpty()
                                    ? finding.member()
                                    : finding.memberLabel() + " " + finding.dependencyKind()
                                            + (finding.targetClass().isEmpty() ? "" : " -> " + finding.targetClass()))))
                    .append("\" time=\"0\">\n");
            String body = body(finding);
            if (evaluation.isNew(finding)) {
                failures++;
                testCase.append("      <failure type=\"")
                        .append(finding.kind().id())
                        .append("\" message=\"")
                        .append(escape(finding.message()))
                        .append("\">")
                        .append(escape(body))
                        .append("</failure>\n");
            } else {
                skipped++;
                testCase.append("      <skipped message=\"in baseline: ")
                        .append(escape(finding.message()))
                        .append("\"/>\n");
            }
            testCase.append("    </testcase>\n");
            cases.add(testCase.toString());
        }
        for (Map.Entry<String, Boolean> context : contextHasFindings.entrySet()) {
            if (!context.getValue()) {
                cases.add("    <testcase classname=\"boundaries." + escape(context.getKey()) + "\" name=\"context "
                        + escape(context.getKey()) + " respects its boundaries\" time=\"0\"/>\n");
            }
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"boundary-check\" tests=\"")
                .append(cases.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", result.millis() / 1000.0))
                .append("\">\n");
        cases.forEach(out::append);
        if (!evaluation.fixed().isEmpty()) {
            out.append("  <system-out>")
                    .append(escape("Fixed since the baseline:\n" + String.join("\n", evaluation.fixed())))
                    .append("</system-out>\n");
        }
        out.append("</testsuite>\n");
        return out.toString();
    }

    private static String body(Finding finding) {
        StringBuilder body = new StringBuilder(finding.message()).append('\n');
        if (!finding.sourceClass().isEmpty()) {
            body.append(finding.memberLabel())
                    .append(' ')
                    .append(finding.dependencyKind())
                    .append(" -> ")
                    .append(finding.targetClass())
                    .append('\n');
        }
        for (Occurrence occurrence : finding.occurrences()) {
            body.append("  at ")
                    .append(occurrence.location())
                    .append("  ")
                    .append(occurrence.detail())
                    .append('\n');
        }
        return body.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
