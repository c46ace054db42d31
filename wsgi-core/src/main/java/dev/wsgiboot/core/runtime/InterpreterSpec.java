package dev.wsgiboot.core.runtime;

import java.util.List;

/**
 * What an interpreter is created with.
 *
 * @param processGroup {@code mod_wsgi.process_group} ({@code ''} for embedded)
 * @param applicationGroup {@code mod_wsgi.application_group}
 * @param processes interpreter slots of the process group
 * @param threads concurrent requests per slot
 * @param multiprocess {@code wsgi.multiprocess}
 * @param pythonPath directories added to {@code sys.path}
 * @param pycacheDirectory where compiled bytecode is cached, or {@code null}
 * @param runOnce {@code wsgi.run_once}
 * @param lang {@code LANG} in {@code os.environ}, or {@code null} to inherit
 * @param locale {@code LC_ALL} in {@code os.environ}, or {@code null} to inherit
 */
record InterpreterSpec(String processGroup, String applicationGroup, int processes, int threads,
		boolean multiprocess, List<String> pythonPath, String pycacheDirectory, boolean runOnce, String lang,
		String locale) {
}
