package dev.wsgiboot.autoconfigure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CompilerActivity} adds up the CPU time of the threads it watches by
 * name, and nothing of others. (Truffle's compiler threads are named
 * {@code TruffleCompilerThread-<n>}: seen with {@code jcmd Thread.print} in the
 * sample app; the test watches a name of its own so that the real compiler
 * threads of the test JVM cannot disturb it.)
 */
class CompilerActivityTests {

	private static final String WATCHED = "CompilerActivityTests-compiler";

	@Test
	void countsTheCpuTimeOfTheWatchedThreadsOnly() throws InterruptedException {
		CompilerActivity activity = new CompilerActivity(WATCHED, false);
		assertThat(activity.isMeasurable()).isTrue();
		CountDownLatch release = new CountDownLatch(1);
		try {
			busy("some-other-thread", release);
			long other = activity.busyNanos();
			busy(WATCHED + "-1", release);
			long watched = activity.busyNanos();
			assertThat(other).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
			assertThat(watched).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(200));
			// nothing more once it idles
			assertThat(activity.busyNanos()).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void theDefaultWatchesTruffleCompilerThreads() {
		assertThat(CompilerActivity.TRUFFLE_COMPILER_THREAD).isEqualTo("TruffleCompilerThread");
		assertThat(new CompilerActivity().busyNanos()).isGreaterThanOrEqualTo(0);
	}

	/** A thread of that name computing for 300 ms of CPU time, then waiting (alive, so its CPU time can be read) for {@code release}. */
	private static void busy(String name, CountDownLatch release) throws InterruptedException {
		CountDownLatch computed = new CountDownLatch(1);
		Thread thread = new Thread(() -> {
			// 300 ms of CPU, however busy the machine is
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long end = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(300);
			while (threads.getCurrentThreadCpuTime() < end) {
				Thread.onSpinWait();
			}
			computed.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		computed.await(30, TimeUnit.SECONDS);
	}

}
