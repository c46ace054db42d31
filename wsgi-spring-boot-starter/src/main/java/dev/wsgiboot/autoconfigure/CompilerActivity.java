package dev.wsgiboot.autoconfigure;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * How busy the JIT compilers have been since the last look: the CPU time of
 * Truffle's compiler threads (they compile Python) plus the JVM's own
 * compilation time (C1/C2, which compile the Java side of a request). The
 * warm-up stops once both have been quiet for a while: the code its requests
 * run has then been compiled.
 */
final class CompilerActivity {

	/** Truffle names its background compiler threads so. */
	static final String TRUFFLE_COMPILER_THREAD = "TruffleCompilerThread";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();

	/** Thread id -> CPU time at the last look, for Truffle's compiler threads. */
	private Map<Long, Long> lastCpu = new HashMap<>();

	private long lastCompilationMillis;

	private final String threadPrefix;

	private final boolean jvmCompilers;

	private final boolean measurable;

	CompilerActivity() {
		this(TRUFFLE_COMPILER_THREAD, true);
	}

	/**
	 * Watches the threads whose names start with {@code threadPrefix} and, with
	 * {@code jvmCompilers}, the JVM's compilation time.
	 */
	CompilerActivity(String threadPrefix, boolean jvmCompilers) {
		this.threadPrefix = threadPrefix;
		this.jvmCompilers = jvmCompilers;
		boolean cpuTime = this.threads.isThreadCpuTimeSupported();
		if (cpuTime && !this.threads.isThreadCpuTimeEnabled()) {
			try {
				this.threads.setThreadCpuTimeEnabled(true);
			}
			catch (UnsupportedOperationException | SecurityException ex) {
				cpuTime = false;
			}
		}
		this.measurable = cpuTime;
		busyNanos(); // the baseline
	}

	/** Whether the compilers' activity can be measured on this JVM. */
	boolean isMeasurable() {
		return this.measurable;
	}

	/** Nanoseconds the compilers were busy since the previous call (or since construction). */
	long busyNanos() {
		if (!this.measurable) {
			return 0;
		}
		long busy = 0;
		Map<Long, Long> now = new HashMap<>();
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds(), 0)) {
			if (info == null || !info.getThreadName().startsWith(this.threadPrefix)) {
				continue;
			}
			long cpu = this.threads.getThreadCpuTime(info.getThreadId());
			if (cpu < 0) {
				continue;
			}
			now.put(info.getThreadId(), cpu);
			// a thread started since the last look counts from zero
			busy += cpu - this.lastCpu.getOrDefault(info.getThreadId(), 0L);
		}
		this.lastCpu = now;
		if (this.jvmCompilers && this.compilation != null && this.compilation.isCompilationTimeMonitoringSupported()) {
			long millis = this.compilation.getTotalCompilationTime();
			busy += (millis - this.lastCompilationMillis) * 1_000_000L;
			this.lastCompilationMillis = millis;
		}
		return Math.max(0, busy);
	}

}
