package dev.wsgiboot.autoconfigure;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Loads the scripts marked {@code preload} once the web server's port is known
 * (it is part of their default application group name). A script that fails to
 * load stops the application from starting.
 */
final class WsgiPreloader implements ApplicationListener<WebServerInitializedEvent> {

	private final WsgiRuntime runtime;

	WsgiPreloader(WsgiRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getParent() != null
				&& event.getApplicationContext().getParent().containsBean("wsgiRuntime")) {
			return;
		}
		this.runtime.preload(event.getWebServer().getPort());
	}

}
