package dev.wsgiboot.core.config;

import java.nio.file.Path;

/**
 * How requests of one scope ({@code <Directory>} or {@code <Location>})
 * authenticate: mod_auth_basic with mod_authn_file. Each part is merged on
 * its own, a narrower scope's value replacing a wider one's, as Apache merges
 * {@code AuthType}, {@code AuthName} and {@code AuthUserFile}; {@code null}
 * means "not set here". Who must authenticate is said by the {@code Require}
 * lines ({@link AccessControl.Require#users()}).
 *
 * @param type {@code AuthType}: {@code Basic}, or {@code None} to turn an
 * inherited authentication off
 * @param realm {@code AuthName}: the realm of the {@code WWW-Authenticate}
 * challenge
 * @param userFile {@code AuthUserFile}: an htpasswd file
 * @param origin where {@code AuthUserFile} was set, for messages
 */
public record Authentication(String type, String realm, Path userFile, String origin) {

	public static final String BASIC = "Basic";

	public static final String NONE = "None";

	public static final Authentication UNSET = new Authentication(null, null, null, null);

	public Authentication {
		if (userFile != null) {
			userFile = userFile.toAbsolutePath().normalize();
		}
	}

	/** These settings with what {@code narrower} sets replacing them. */
	public Authentication with(Authentication narrower) {
		if (narrower == null || narrower.equals(UNSET)) {
			return this;
		}
		boolean file = narrower.userFile != null;
		return new Authentication((narrower.type != null) ? narrower.type : this.type,
				(narrower.realm != null) ? narrower.realm : this.realm, file ? narrower.userFile : this.userFile,
				file ? narrower.origin : this.origin);
	}

	/** Whether nothing is set. */
	public boolean isEmpty() {
		return this.type == null && this.realm == null && this.userFile == null;
	}

}
