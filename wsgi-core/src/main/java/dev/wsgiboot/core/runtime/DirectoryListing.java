package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML listing of a directory ({@code Options Indexes}, mod_autoindex's
 * plain list): a link to the parent directory, then the entries in name
 * order, directories with a trailing slash. Names are percent-encoded in links
 * and escaped in text, so that no file name can inject markup. Access files
 * ({@code .ht*}) are not listed.
 */
final class DirectoryListing {

	private DirectoryListing() {
	}

	/**
	 * @param urlPath the decoded URL path of the directory, ending with '/'
	 * @param directory the directory
	 */
	static String render(String urlPath, Path directory) throws IOException {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (!name.startsWith(".ht")) {
					names.add(Files.isDirectory(entry) ? name + "/" : name);
				}
			}
		}
		names.sort(null);
		String title = escape(urlPath.length() > 1 ? urlPath.substring(0, urlPath.length() - 1) : urlPath);
		StringBuilder html = new StringBuilder(512);
		html.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n")
			.append("<html>\n <head>\n  <title>Index of ").append(title).append("</title>\n </head>\n <body>\n")
			.append("<h1>Index of ").append(title).append("</h1>\n<ul>");
		if (urlPath.length() > 1) {
			String parent = urlPath.substring(0, urlPath.lastIndexOf('/', urlPath.length() - 2) + 1);
			html.append("<li><a href=\"").append(encodePath(parent)).append("\"> Parent Directory</a></li>\n");
		}
		for (String name : names) {
			html.append("<li><a href=\"").append(encodePath(name)).append("\"> ").append(escape(name))
				.append("</a></li>\n");
		}
		html.append("</ul>\n</body></html>\n");
		return html.toString();
	}

	/** HTML text and attribute escaping. */
	static String escape(String text) {
		StringBuilder sb = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				case '\'' -> sb.append("&#39;");
				default -> sb.append(c);
			}
		}
		return sb.toString();
	}

	/**
	 * A path percent-encoded as UTF-8, keeping '/' and RFC 3986's unreserved
	 * characters (so a name with ':' cannot read as a URL scheme).
	 */
	static String encodePath(String path) {
		StringBuilder sb = new StringBuilder(path.length() + 16);
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~' || c == '/') {
				sb.append((char) c);
			}
			else {
				sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return sb.toString();
	}

}
