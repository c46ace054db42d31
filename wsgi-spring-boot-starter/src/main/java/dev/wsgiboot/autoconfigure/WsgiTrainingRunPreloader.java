package dev.wsgiboot.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Loads the scripts marked {@code preload} before the context finishes its refresh,
 * in a training run started with {@code -Dspring.context.exit=onRefresh}: Spring
 * ends such a run (for a JDK AOT cache or a CDS archive) as soon as the refresh is
 * done, before the web server starts, so {@link WsgiPreloader} would never run and
 * the archive would hold only the GraalPy classes that creating the engine loads
 * (about a third of those a first request needs). The application group names use
 * the configured {@code server.port}, as the web server has no port yet.
 */
final class WsgiTrainingRunPreloader implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(WsgiTrainingRunPreloader.class);

	private final WsgiRuntime runtime;

	private final int port;

	WsgiTrainingRunPreloader(WsgiRuntime runtime, int port) {
		this.runtime = runtime;
		this.port = port;
	}

	@Override
	public void afterSingletonsInstantiated() {
		logger.info("Training run (spring.context.exit=onRefresh): loading the preloaded WSGI scripts "
				+ "before the context exits");
		long start = System.nanoTime();
		this.runtime.preload(this.port);
		logger.info("Training run: WSGI scripts loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

}
