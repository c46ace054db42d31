package dev.wsgiboot.core.runtime;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of one process group's interpreter pool, for monitoring.
 *
 * @param name the group's name ({@code %{GLOBAL}} for the embedded group)
 * @param processes interpreter slots
 * @param threads concurrent requests per slot
 * @param maximumRequests requests a slot's interpreters serve before they are
 * replaced (0: never)
 * @param slots every slot, started or not
 */
public record ProcessGroupState(String name, int processes, int threads, int maximumRequests, List<Slot> slots) {

	public ProcessGroupState {
		slots = List.copyOf(slots);
	}

	/** Requests running in the group now. */
	public int inFlight() {
		return this.slots.stream().mapToInt(Slot::inFlight).sum();
	}

	/** Requests the group has served since the server started. */
	public long served() {
		return this.slots.stream().mapToLong(Slot::served).sum();
	}

	/**
	 * One interpreter slot (mod_wsgi's process).
	 *
	 * @param index its number, from 0
	 * @param started whether it has interpreters yet (slots start on demand)
	 * @param inFlight requests running in it now
	 * @param served requests it has served since the server started
	 * @param servedByCurrent requests served by its current interpreters
	 * @param age how long ago its current interpreters were created
	 * @param recycles how many times its interpreters were replaced
	 * @param applicationGroups the application groups it has an interpreter for
	 * @param replacementReady whether warmed replacement interpreters are waiting
	 */
	public record Slot(int index, boolean started, int inFlight, long served, long servedByCurrent, Duration age,
			long recycles, List<String> applicationGroups, boolean replacementReady) {

		public Slot {
			applicationGroups = List.copyOf(applicationGroups);
		}

	}

}
