package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.http.RoutePolicies;
import com.quanyu.shared.http.RoutePolicy;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The authorisation table, template.yaml and docs/security.md agree: every route of the template
 * has exactly one row, its gateway authoriser is the one the row's auth needs, and the document
 * shows the table as it is ({@code -Dquanyu.writeDocs=true} rewrites the document's block).
 */
class RouteAuthTableTest {
    private static final String BEGIN = "<!-- routes-auth:begin";
    private static final String END = "<!-- routes-auth:end -->";

    @Test
    void everyTemplateRouteHasOneRowAndTheAuthoriserItNeeds() {
        Map<String, String> templateRoutes = new TreeMap<>();
        SamFunction.all(CfnTemplate.local())
                .forEach(f -> f.routes().forEach(r -> templateRoutes.put(r.routeKey(), r.authorizer())));
        RoutePolicies table = RoutePolicies.bundled();
        assertEquals(
                templateRoutes.keySet(),
                new TreeSet<>(table.all().stream().map(RoutePolicy::routeKey).toList()),
                "template.yaml routes vs " + RoutePolicies.RESOURCE);
        table.all()
                .forEach(policy -> assertEquals(
                        gatewayAuthorizer(policy.auth()),
                        templateRoutes.get(policy.routeKey()),
                        policy.routeKey() + " is " + policy.auth().label() + " in the table"));
    }

    @Test
    void securityDocShowsTheTable() throws Exception {
        Path doc = RepoRoot.find().resolve("docs/security.md");
        String text = Files.readString(doc);
        int begin = text.indexOf(BEGIN);
        int afterBegin = text.indexOf('\n', begin) + 1;
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > afterBegin - 1, "docs/security.md needs the routes-auth markers");
        String expected = markdown(RoutePolicies.bundled());
        if (Boolean.getBoolean("quanyu.writeDocs")) {
            Files.writeString(doc, text.substring(0, afterBegin) + expected + text.substring(end));
            return;
        }
        assertEquals(
                expected,
                text.substring(afterBegin, end),
                "docs/security.md's table is stale; run this test with -Dquanyu.writeDocs=true");
    }

    static String gatewayAuthorizer(RoutePolicy.Auth auth) {
        return switch (auth) {
            case STAFF_JWT -> "StaffJwt";
            case AWS_IAM -> "AWS_IAM";
            case PUBLIC, WRITE_KEY, SIGNATURE -> "NONE";
        };
    }

    static String markdown(RoutePolicies table) {
        StringBuilder out = new StringBuilder(
                        "| route | caller | authenticates with | staff groups | may return | rate limit |\n")
                .append("|---|---|---|---|---|---|\n");
        for (RoutePolicy p : table.all()) {
            out.append("| `")
                    .append(p.routeKey())
                    .append("` | ")
                    .append(p.caller())
                    .append(" | ")
                    .append(p.auth().label())
                    .append(" | ")
                    .append(p.groups().isEmpty() ? "-" : String.join(", ", new TreeSet<>(p.groups())))
                    .append(" | ")
                    .append(p.returns())
                    .append(" | ")
                    .append(p.rateLimit())
                    .append(" |\n");
        }
        return out.toString();
    }
}
