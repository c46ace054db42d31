package dev.wsgiboot.autoconfigure.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Replays every request of one oracle scenario against a freshly started
 * server and turns the outcomes into dynamic tests: a match passes, a
 * difference fails, and a request this server cannot answer like Apache is
 * skipped with its reason (never passed).
 */
public final class ScenarioReplay {

	/**
	 * Requests that Tomcat refuses with 400 before any application (Spring MVC or
	 * WSGI) can see them; the README lists them as known differences.
	 */
	public static final Map<String, String> REFUSED_BY_TOMCAT = Map.of(
			"raw UTF-8 bytes in the request line", "Tomcat refuses raw non-ASCII bytes in the request target (400)",
			"NUL byte escape in path", "Tomcat refuses %00 in the path with 400 where Apache answers 404",
			"absolute-form request target",
			"Tomcat refuses an absolute-form target whose host differs from the Host header (400)",
			"absolute-form target overrides Host",
			"Tomcat refuses an absolute-form target whose host differs from the Host header (400)");

	private ScenarioReplay() {
	}

	/**
	 * Replays the scenario now and returns one test per request.
	 * @param notYet labels of requests that need a feature not built yet, with the reason
	 * @param counts passed, failed, skipped: incremented
	 */
	public static List<DynamicNode> replay(OracleGolden golden, int port, Map<String, String> notYet, int[] counts) {
		OracleReplay replay = new OracleReplay(port);
		// per application group: probe requests Apache served there that were not replayed here, so
		// that the interpreter's request counters of later requests can be compared
		Map<Object, Integer> missed = new HashMap<>();
		List<DynamicNode> tests = new ArrayList<>();
		for (Map<String, Object> request : golden.requests()) {
			String label = (String) request.get("label");
			Object group = ((Map<?, ?>) request.get("summary")).get("mod_wsgi.application_group");
			String reason = notYet.containsKey(label) ? "not supported yet: " + notYet.get(label)
					: REFUSED_BY_TOMCAT.containsKey(label) ? "known difference: " + REFUSED_BY_TOMCAT.get(label) : null;
			if (reason != null) {
				if (((Map<?, ?>) request.get("response")).get("probe") != null) {
					missed.merge(group, 1, Integer::sum);
				}
				counts[2]++;
				tests.add(DynamicTest.dynamicTest(label, () -> abort(reason)));
				continue;
			}
			List<String> differences;
			try {
				differences = replay.replay(request, missed.getOrDefault(group, 0));
			}
			catch (IOException ex) {
				differences = List.of("request failed: " + ex);
			}
			counts[differences.isEmpty() ? 0 : 1]++;
			List<String> found = differences;
			tests.add(DynamicTest.dynamicTest(label, () -> assertThat(found).as(label).isEmpty()));
		}
		return tests;
	}

	/** One skipped test per request, all for the same reason. */
	public static List<DynamicNode> skipAll(OracleGolden golden, String reason, int[] counts) {
		List<DynamicNode> tests = new ArrayList<>();
		for (Map<String, Object> request : golden.requests()) {
			counts[2]++;
			tests.add(DynamicTest.dynamicTest((String) request.get("label"), () -> abort(reason)));
		}
		return tests;
	}

}
