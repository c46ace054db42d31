package dev.wsgiboot.core.runtime;

/** No interpreter of a process group became free within its queue timeout: answered with 503. */
public final class PoolBusyException extends RuntimeException {

	public PoolBusyException(String processGroup, String reason) {
		super("Process group '" + (processGroup.isEmpty() ? "%{GLOBAL}" : processGroup) + "': " + reason);
	}

}
