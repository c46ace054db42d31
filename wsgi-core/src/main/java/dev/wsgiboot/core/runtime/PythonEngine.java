package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Language;
import org.graalvm.polyglot.Source;

/**
 * The one GraalPy {@link Engine} of the JVM. Every interpreter of every
 * application group is a context on this engine, so parsed and compiled code is
 * shared: the first interpreter pays for imports, later ones load in a fraction
 * of that time. Created on first use and closed when the JVM exits.
 */
public final class PythonEngine {

	static final String GATEWAY_RESOURCE = "wsgi_gateway.py";

	/**
	 * Set to {@code latency} ({@code -Dpolyglot.engine.Mode=latency}), Truffle
	 * compiles without inlining or splitting: Python code is compiled sooner and
	 * takes less memory, but runs slower once warm. Measured on 2 cores
	 * (bench/RESULTS.md): 70% instead of 45% of hello's steady throughput 60 s after
	 * the first request, 1.4 instead of 2.0 GiB under the benchmark, but Flask 5.5k
	 * / 6.3k instead of 7.2k / 7.0k req/s once warm. The engine keeps Truffle's
	 * default unless told otherwise.
	 */
	static final String MODE_PROPERTY = "polyglot.engine.Mode";

	private static volatile PythonEngine shared;

	private final Engine engine;

	private final Source gatewaySource;

	private final String graalPyVersion;

	private PythonEngine(Engine engine) {
		this.engine = engine;
		this.gatewaySource = loadGatewaySource();
		this.graalPyVersion = readGraalPyVersion(engine);
	}

	/** The JVM-wide engine, created on first call. */
	public static PythonEngine shared() {
		PythonEngine result = shared;
		if (result == null) {
			synchronized (PythonEngine.class) {
				result = shared;
				if (result == null) {
					Engine engine = Engine.newBuilder("python")
						.option("engine.WarnInterpreterOnly", "false")
						.logHandler(new TruffleLogHandler())
						.build();
					// never closed: it lives as long as the JVM, and closing it from a shutdown
					// hook races with the application contexts that close their interpreters
					result = new PythonEngine(engine);
					shared = result;
				}
			}
		}
		return result;
	}

	public Engine engine() {
		return this.engine;
	}

	Source gatewaySource() {
		return this.gatewaySource;
	}

	/** True when Truffle runs with an optimizing (JIT) compiler. */
	public boolean isJitEnabled() {
		return !"Interpreted".equalsIgnoreCase(this.engine.getImplementationName());
	}

	/** The GraalPy (polyglot) version, e.g. {@code 25.0.3}, read from the polyglot jar's manifest. */
	public String graalPyVersion() {
		return this.graalPyVersion;
	}

	private static String readGraalPyVersion(Engine engine) {
		try {
			URL engineClass = Engine.class.getResource("Engine.class");
			if (engineClass != null) {
				String url = engineClass.toString();
				String manifestUrl = url.substring(0, url.length() - "org/graalvm/polyglot/Engine.class".length())
						+ "META-INF/MANIFEST.MF";
				try (InputStream in = URI.create(manifestUrl).toURL().openStream()) {
					Manifest manifest = new Manifest(in);
					Attributes attributes = manifest.getAttributes("polyglot");
					if (attributes == null) {
						attributes = manifest.getMainAttributes();
					}
					String version = attributes.getValue("Implementation-Version");
					if (version != null) {
						return version;
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// fall back to the engine's own notion of its version
		}
		return engine.getVersion();
	}

	/** The Python language version GraalPy implements, e.g. {@code 3.12.8}. */
	public String pythonVersion() {
		Language python = this.engine.getLanguages().get("python");
		return (python != null) ? python.getVersion() : "unknown";
	}

	/** One line for the startup log: versions, and whether the JIT is on (and how to turn it on if not). */
	public String describe() {
		StringBuilder sb = new StringBuilder("GraalPy ").append(graalPyVersion())
			.append(" (Python ")
			.append(pythonVersion())
			.append(") on ")
			.append(this.engine.getImplementationName())
			.append(", JIT compiler ");
		if (isJitEnabled()) {
			sb.append("on (").append(System.getProperty(MODE_PROPERTY, "default")).append(" mode)");
		}
		else {
			sb.append("OFF: Python runs interpreted, 10-20x slower. Turn it on with the JVM options "
					+ "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=<dir> where <dir> holds "
					+ "org.graalvm.compiler:compiler, org.graalvm.truffle:truffle-compiler, org.graalvm.sdk:collections "
					+ "and org.graalvm.sdk:word ")
				.append(graalPyVersion())
				.append(" (never on the class path), or, on a runtime image without the JDK's own jdk.graal.compiler, "
						+ "with --module-path=<dir> --add-modules=jdk.graal.compiler in place of --upgrade-module-path; "
						+ "see the README");
		}
		return sb.toString();
	}

	private static Source loadGatewaySource() {
		try (InputStream in = PythonEngine.class.getResourceAsStream(GATEWAY_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + GATEWAY_RESOURCE);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return Source.newBuilder("python", text, "<wsgi-gateway>").cached(true).buildLiteral();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
