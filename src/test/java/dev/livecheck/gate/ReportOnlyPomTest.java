package dev.livecheck.gate;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes {@code mvn verify -Dlivecheck.gate.enforce=false} end in BUILD SUCCESS with a blocked verdict written (run
 * by hand and in ExampleProjectIT): failsafe ignores failed tests only in the report-only profile, which that property
 * turns on; otherwise the gate runs first in verify (the exec plugin is declared before failsafe) and a self-test's
 * failure still fails the build after it.
 */
class ReportOnlyPomTest {
    @Test
    void notEnforcingTheGateIsTheOnlyWayFailedTestsLetTheBuildThrough() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        Element project = pom.getDocumentElement();

        assertThat(child(child(project, "properties"), "livecheck.failsafe.testFailureIgnore").getTextContent()).isEqualTo("false");
        List<String> plugins = new ArrayList<>();
        NodeList buildPlugins = child(child(project, "build"), "plugins").getChildNodes();
        for (int i = 0; i < buildPlugins.getLength(); i++) {
            if (buildPlugins.item(i) instanceof Element plugin) {
                plugins.add(child(plugin, "artifactId").getTextContent());
            }
        }
        assertThat(plugins.indexOf("exec-maven-plugin")).as("the gate's plugin comes before failsafe in verify").isLessThan(plugins.indexOf("maven-failsafe-plugin"));
        Element failsafe = plugin(project, "maven-failsafe-plugin");
        assertThat(child(child(failsafe, "configuration"), "testFailureIgnore").getTextContent()).isEqualTo("${livecheck.failsafe.testFailureIgnore}");

        Element reportOnly = null;
        NodeList profiles = project.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element p = (Element) profiles.item(i);
            if (child(p, "id").getTextContent().equals("report-only")) {
                reportOnly = p;
            }
        }
        assertThat(reportOnly).as("the report-only profile").isNotNull();
        Element activation = child(child(reportOnly, "activation"), "property");
        assertThat(child(activation, "name").getTextContent()).isEqualTo("livecheck.gate.enforce");
        assertThat(child(activation, "value").getTextContent()).isEqualTo("false");
        assertThat(child(child(reportOnly, "properties"), "livecheck.failsafe.testFailureIgnore").getTextContent()).isEqualTo("true");
    }

    private static Element plugin(Element project, String artifactId) {
        NodeList plugins = child(child(project, "build"), "plugins").getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            if (child(p, "artifactId").getTextContent().equals(artifactId)) {
                return p;
            }
        }
        throw new AssertionError("no plugin " + artifactId + " in pom.xml's build");
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
