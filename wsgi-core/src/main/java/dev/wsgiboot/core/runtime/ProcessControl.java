package dev.wsgiboot.core.runtime;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.graalvm.polyglot.HostAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an interpreter's Python sees as its process: a signal it sends to its
 * own process id that would end or restart a mod_wsgi process ({@code SIGTERM},
 * {@code SIGINT}, ...) must not reach the JVM, which all interpreters share.
 * The gateway hands it here instead, and the interpreter's slot is restarted,
 * as mod_wsgi's process would be.
 */
public final class ProcessControl {

	private static final Logger logger = LoggerFactory.getLogger(ProcessControl.class);

	private final Supplier<String> applicationGroup;

	private volatile Consumer<String> onEnd;

	private volatile String endedBy;

	ProcessControl(Supplier<String> applicationGroup) {
		this.applicationGroup = applicationGroup;
	}

	/** Where an end request goes: the generation of interpreters that holds this one. */
	void onEnd(Consumer<String> onEnd) {
		this.onEnd = onEnd;
		String ended = this.endedBy;
		if (ended != null) {
			onEnd.accept(ended);
		}
	}

	/** Called by the gateway, e.g. for {@code os.kill(os.getpid(), signal.SIGTERM)}. */
	@HostAccess.Export
	public void end(String how) {
		logger.warn("Application group '{}': {} ends the interpreter's process: its slot gets fresh interpreters "
				+ "before its next request, as mod_wsgi's process is restarted (the JVM is not signalled)",
				this.applicationGroup.get(), how);
		this.endedBy = how;
		Consumer<String> listener = this.onEnd;
		if (listener != null) {
			listener.accept(how);
		}
	}

}
