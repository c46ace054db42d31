package dev.wsgiboot.core.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.ScriptSource;

/**
 * One Python (sub-)interpreter: a GraalPy context of one application group in
 * one slot of a process group, with the scripts loaded into it. Several
 * threads may call {@link #handle} at once; GraalPy's GIL serialises the
 * Python parts.
 */
final class Interpreter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Interpreter.class);

	private static final Logger stdoutLogger = LoggerFactory.getLogger("wsgi.python.stdout");

	private static final Logger stderrLogger = LoggerFactory.getLogger("wsgi.python.stderr");

	/** Only our bridge methods are visible to Python: no host classes, no reflection. */
	private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
		.allowBufferAccess(true)
		.build();

	private final Context context;

	private final Value gateway;

	private final Value handle;

	/** Set once more by {@link #adopt} for an interpreter created before its group was known. */
	private volatile String applicationGroup;

	/** Script name -> modification time of the loaded version ({@code 0} for class path scripts). */
	private final Map<String, Long> loaded = new ConcurrentHashMap<>();

	private final Map<String, ScriptSource> sources = new ConcurrentHashMap<>();

	private final ProcessControl process;

	Interpreter(PythonEngine engine, InterpreterSpec spec) {
		this.applicationGroup = spec.applicationGroup();
		Context.Builder builder = Context.newBuilder("python")
			.engine(engine.engine())
			.allowHostAccess(HOST_ACCESS)
			.allowHostClassLookup((className) -> false)
			.allowPolyglotAccess(PolyglotAccess.NONE)
			.allowIO(IOAccess.ALL)
			.allowCreateThread(true)
			.allowCreateProcess(true)
			.allowNativeAccess(true)
			.allowEnvironmentAccess(EnvironmentAccess.INHERIT)
			// the real operating system (os.getpid(), os.getppid(), file modes...), as under mod_wsgi
			.option("python.PosixModuleBackend", "native")
			// several interpreters may load the same C extension (termios, _ctypes...)
			// when each gets its own copy of the library, which GraalPy makes with patchelf
			.allowExperimentalOptions(true)
			.option("python.IsolateNativeModules", String.valueOf(NativeModules.ISOLATED))
			.out(new LineLoggingOutputStream(stdoutLogger, false))
			.err(new LineLoggingOutputStream(stderrLogger, true));
		List<String> pythonPath = spec.pythonPath();
		if (!pythonPath.isEmpty()) {
			builder.option("python.PythonPath", String.join(File.pathSeparator, pythonPath));
		}
		if (spec.lang() != null) {
			builder.environment("LANG", spec.lang());
		}
		if (spec.locale() != null) {
			builder.environment("LC_ALL", spec.locale());
		}
		// GraalPy embedded defaults to sys.dont_write_bytecode = True; mod_wsgi's Python writes
		// bytecode, and reading it back makes the next start's imports about a third faster (Flask)
		builder.option("python.DontWriteBytecodeFlag", "false");
		if (spec.pycacheDirectory() != null) {
			builder.option("python.PyCachePrefix", spec.pycacheDirectory());
		}
		this.context = builder.build();
		this.process = new ProcessControl(this::applicationGroup);
		try {
			long start = System.nanoTime();
			this.context.initialize("python");
			long initialized = System.nanoTime();
			Value gatewayClass = this.context.eval(engine.gatewaySource());
			this.gateway = gatewayClass.execute(spec.processGroup(), spec.applicationGroup(), spec.processes(),
					spec.threads(), spec.multiprocess(), spec.runOnce(), RequestBridge.HELD_BODY, LogLineSink.STDOUT,
					LogLineSink.STDERR, this.process);
			this.handle = this.gateway.getMember("handle");
			if (logger.isDebugEnabled()) {
				logger.debug("Application group '{}': Python initialised in {} ms, the gateway in {} ms",
						this.applicationGroup, (initialized - start) / 1_000_000,
						(System.nanoTime() - initialized) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			this.context.close(true);
			throw ex;
		}
	}

	String applicationGroup() {
		return this.applicationGroup;
	}

	/** Tells the generation holding this interpreter when its Python ends its process. */
	void onProcessEnd(Consumer<String> onEnd) {
		this.process.onEnd(onEnd);
	}

	/**
	 * Gives an interpreter created ahead of time (see
	 * {@link InterpreterPool#startEarly()}) the application group it serves,
	 * before any script is loaded into it.
	 */
	void adopt(String applicationGroup) {
		if (!this.loaded.isEmpty()) {
			throw new IllegalStateException("scripts are already loaded into application group '"
					+ this.applicationGroup + "'");
		}
		this.gateway.invokeMember("adopt", applicationGroup);
		this.applicationGroup = applicationGroup;
	}

	/**
	 * Makes sure the script's current version is loaded; loads or reloads it
	 * when needed.
	 * @throws ScriptLoadException when the script cannot be read, compiled or run
	 */
	void ensureLoaded(ScriptSource script, boolean reloading) {
		String name = script.name();
		Long version = this.loaded.get(name);
		if (version != null && !(reloading && script instanceof ScriptSource.FileScript file
				&& file.lastModified() != version)) {
			return;
		}
		synchronized (this) {
			version = this.loaded.get(name);
			long current = (script instanceof ScriptSource.FileScript file) ? file.lastModified() : 0L;
			if (version != null && (!reloading || version == current)) {
				return;
			}
			if (current < 0) {
				throw new ScriptLoadException(name, "script file does not exist or cannot be read");
			}
			String source = null;
			if (script instanceof ScriptSource.ClasspathScript resource) {
				try {
					source = resource.read();
				}
				catch (IOException ex) {
					throw new ScriptLoadException(name, ex.getMessage());
				}
			}
			long start = System.nanoTime();
			String module = source;
			Value error = onLargeStack(name,
					() -> this.gateway.invokeMember("load", moduleName(name), name, module, LogLineSink.forScript(name)));
			if (!error.isNull()) {
				this.loaded.remove(name);
				throw new ScriptLoadException(name, error.asString());
			}
			this.loaded.put(name, current);
			this.sources.put(name, script);
			if (logger.isDebugEnabled()) {
				logger.debug("Loaded {} into application group '{}' in {} ms", name, this.applicationGroup,
						(System.nanoTime() - start) / 1_000_000);
			}
			if (version != null) {
				logger.info("Reloaded changed script {} in application group '{}'", name, this.applicationGroup);
			}
		}
	}

	/** Stack size of the threads that load scripts: imports nest deeply (Django's go past 40 modules). */
	private static final long LOADER_STACK_SIZE = 256L * 1024 * 1024;

	private static final AtomicInteger loaderThreads = new AtomicInteger();

	/**
	 * Runs a script load on a thread with a large stack: an interpreted Python
	 * frame takes far more Java stack than a compiled one, and a deep import
	 * chain on a request thread's default stack ends in RecursionError.
	 */
	private static Value onLargeStack(String scriptName, Supplier<Value> load) {
		CompletableFuture<Value> result = new CompletableFuture<>();
		Thread thread = new Thread(null, () -> {
			try {
				result.complete(load.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "wsgi-script-loader-" + loaderThreads.incrementAndGet(), LOADER_STACK_SIZE);
		thread.setDaemon(true);
		thread.start();
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ScriptLoadException(scriptName, "interrupted while loading");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** The scripts loaded so far. */
	Collection<ScriptSource> loadedScripts() {
		return List.copyOf(this.sources.values());
	}

	void handle(String scriptName, String callableObject, String cgi, RequestBridge bridge) {
		this.handle.executeVoid(scriptName, callableObject, cgi, bridge);
	}

	/**
	 * Interrupts whatever runs in this interpreter (request-timeout): running
	 * calls end with an interrupted {@link org.graalvm.polyglot.PolyglotException};
	 * the interpreter stays usable. Closes it when the code does not stop within a
	 * few seconds.
	 */
	void interrupt() {
		try {
			this.context.interrupt(Duration.ofSeconds(5));
		}
		catch (TimeoutException ex) {
			logger.warn("Application group '{}': running code did not stop when interrupted; closing the interpreter",
					this.applicationGroup);
			close();
		}
		catch (RuntimeException ex) {
			logger.debug("Application group '{}': cannot interrupt", this.applicationGroup, ex);
		}
	}

	/** Whether interpreters get their own copies of C extension libraries. */
	static final class NativeModules {

		static final boolean ISOLATED = onPath("patchelf");

		static {
			if (!ISOLATED) {
				LoggerFactory.getLogger(Interpreter.class)
					.warn("patchelf is not installed: only the first Python interpreter of this JVM can load C "
							+ "extension modules (termios, _ctypes, ...); others fail to import them. Install "
							+ "patchelf (Debian: apt-get install patchelf) when running several interpreters.");
			}
		}

		private NativeModules() {
		}

		private static boolean onPath(String command) {
			String path = System.getenv("PATH");
			if (path == null) {
				return false;
			}
			for (String directory : path.split(File.pathSeparator)) {
				if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
					return true;
				}
			}
			return false;
		}

	}

	/** mod_wsgi's module name for a script: {@code _mod_wsgi_} and the MD5 of its name. */
	static String moduleName(String scriptName) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			return "_mod_wsgi_" + HexFormat.of().formatHex(md5.digest(scriptName.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Publishes mod_wsgi's {@code process_stopping} event to the application's
	 * subscribers ({@code mod_wsgi.subscribe_shutdown}, {@code subscribe_events}),
	 * then closes. Only for an interpreter no request runs in (a call into one
	 * would wait for the running code); subscribers still running after
	 * {@code limit} are cancelled with the interpreter, as mod_wsgi's
	 * shutdown-timeout ends a process whose shutdown takes too long.
	 */
	void stop(Duration limit) {
		if (limit.isZero() || limit.isNegative()) {
			close();
			return;
		}
		CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
			logger.warn("Application group '{}': process_stopping subscribers still running after {} ms; closing the"
					+ " interpreter", this.applicationGroup, limit.toMillis());
			close();
		}, CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS));
		try {
			this.gateway.invokeMember("stopping");
		}
		catch (PolyglotException | IllegalStateException ex) {
			// closed meanwhile (cancelled above, or by an interrupt that timed out): nothing more to tell it
			logger.debug("Application group '{}': process_stopping not published", this.applicationGroup, ex);
		}
		finally {
			cancel.cancel(false);
		}
		close();
	}

	@Override
	public void close() {
		try {
			this.context.close(true);
		}
		catch (RuntimeException ex) {
			logger.debug("Error closing interpreter of application group '{}'", this.applicationGroup, ex);
		}
	}

}
