package dev.wsgiboot.core.apache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link ApacheConfigParser}.
 */
class ApacheConfigParserTests {

	private static final Set<String> MODULES = Set.of("mod_wsgi.c", "wsgi_module", "mod_alias.c");

	@TempDir
	Path temp;

	private final ApacheConfigParser parser = new ApacheConfigParser(Map.of("FROM_COMMAND_LINE", "cli"),
			MODULES::contains);

	// Lines, blanks and comments

	@Test
	void readsOneDirectivePerLineWithFileAndLine() {
		List<ApacheDirective> directives = parse("ServerName example.com\nListen 8080\n");
		assertThat(directives).containsExactly(
				new ApacheDirective("ServerName", List.of("example.com"), "test.conf", 1, List.of(), false),
				new ApacheDirective("Listen", List.of("8080"), "test.conf", 2, List.of(), false));
	}

	@Test
	void emptyTextHasNoDirectives() {
		assertThat(parse("")).isEmpty();
		assertThat(parse("\n\n  \t\n")).isEmpty();
	}

	@Test
	void ignoresBlankLinesAndSurroundingWhitespace() {
		List<ApacheDirective> directives = parse("\n   \n\t  ServerName   example.com  \t\n\n   Listen 80");
		assertThat(directives).extracting(ApacheDirective::name).containsExactly("ServerName", "Listen");
		assertThat(directives.get(0).args()).containsExactly("example.com");
		assertThat(directives).extracting(ApacheDirective::line).containsExactly(3, 5);
	}

	@Test
	void directiveWithoutArgumentsHasNoArgs() {
		assertThat(single("RewriteEngine").args()).isEmpty();
	}

	@Test
	void skipsCommentLinesIncludingIndentedOnes() {
		List<ApacheDirective> directives = parse("# a comment\n   # indented comment\n\t#tab\nListen 80\n#Listen 81");
		assertThat(directives).singleElement().satisfies((directive) -> {
			assertThat(directive.name()).isEqualTo("Listen");
			assertThat(directive.line()).isEqualTo(4);
		});
	}

	@Test
	void hashInsideALineIsNotAComment() {
		assertThat(single("SetEnv X a#b").args()).containsExactly("X", "a#b");
		assertThat(single("SetEnv X value # not a comment").args()).containsExactly("X", "value", "#", "not", "a",
				"comment");
	}

	@Test
	void skipsAByteOrderMark() {
		assertThat(single("\uFEFFListen 80").name()).isEqualTo("Listen");
	}

	// Line continuation

	@Test
	void backslashAtEndOfLineJoinsTheNextLine() {
		List<ApacheDirective> directives = parse("Listen 80\nWSGIDaemonProcess app \\\n    processes=2 \\\n"
				+ "    threads=15\nServerName x\n");
		assertThat(directives).hasSize(3);
		assertThat(directives.get(1).args()).containsExactly("app", "processes=2", "threads=15");
		assertThat(directives.get(1).line()).isEqualTo(2);
		assertThat(directives.get(2).line()).isEqualTo(5);
	}

	@Test
	void continuationGluesTextWithoutAddingABlank() {
		assertThat(single("Alias /a\\\nbc /d").args()).containsExactly("/abc", "/d");
	}

	@Test
	void continuationCanSplitTheDirectiveName() {
		assertThat(single("Server\\\nName x").name()).isEqualTo("ServerName");
	}

	@Test
	void backslashFollowedByBlankDoesNotContinue() {
		List<ApacheDirective> directives = parse("Alias /a \\ \nListen 80");
		assertThat(directives).hasSize(2);
		assertThat(directives.get(0).args()).containsExactly("/a", "\\");
	}

	@Test
	void backslashOnTheLastLineIsDropped() {
		assertThat(single("Listen 80\\").args()).containsExactly("80");
	}

	@Test
	void commentEndingWithBackslashContinuesOntoTheNextLine() {
		assertThat(parse("# comment \\\nListen 80\nListen 81")).singleElement()
			.satisfies((directive) -> assertThat(directive.line()).isEqualTo(3));
	}

	@Test
	void handlesCrlfLineEndings() {
		List<ApacheDirective> directives = parse("# comment\r\nSetEnv A b\r\nAlias /x \\\r\n  /y\r\n\r\nListen 80\r\n");
		assertThat(directives).extracting(ApacheDirective::name).containsExactly("SetEnv", "Alias", "Listen");
		assertThat(directives.get(0).args()).containsExactly("A", "b");
		assertThat(directives.get(1).args()).containsExactly("/x", "/y");
		assertThat(directives).extracting(ApacheDirective::line).containsExactly(2, 3, 6);
	}

	// Arguments and quotes

	@Test
	void splitsArgumentsOnBlanksAndTabs() {
		assertThat(single("WSGIScriptAlias\t/app   /srv/app.wsgi \t process-group=x").args())
			.containsExactly("/app", "/srv/app.wsgi", "process-group=x");
	}

	@Test
	void doubleQuotedArgumentKeepsItsBlanks() {
		assertThat(single("DocumentRoot \"/srv/my site\" x").args()).containsExactly("/srv/my site", "x");
	}

	@Test
	void singleQuotedArgumentKeepsItsBlanks() {
		assertThat(single("DocumentRoot '/srv/my site'").args()).containsExactly("/srv/my site");
	}

	@Test
	void otherQuoteIsOrdinaryInsideQuotes() {
		assertThat(single("Header set X \"it's\" 'say \"hi\"'").args()).containsExactly("set", "X", "it's",
				"say \"hi\"");
	}

	@Test
	void backslashEscapesTheQuoteInsideQuotes() {
		assertThat(single("LogFormat \"%h \\\"%r\\\"\" common").args()).containsExactly("%h \"%r\"", "common");
		assertThat(single("X 'it\\'s'").args()).containsExactly("it's");
	}

	@Test
	void doubledBackslashInsideQuotesIsOneBackslash() {
		assertThat(single("X \"C:\\\\dir\\\\\"").args()).containsExactly("C:\\dir\\");
	}

	@Test
	void otherBackslashesAreKept() {
		assertThat(single("RewriteRule \"^/a\\.b$\" /c\\d").args()).containsExactly("^/a\\.b$", "/c\\d");
	}

	@Test
	void emptyQuotedArgumentIsAnEmptyArgument() {
		assertThat(single("SetEnv X \"\"").args()).containsExactly("X", "");
	}

	@Test
	void quoteInsideAWordIsAnOrdinaryCharacter() {
		assertThat(single("X a\"b c\"d").args()).containsExactly("a\"b", "c\"d");
	}

	@Test
	void closingQuoteEndsTheArgument() {
		assertThat(single("X \"a\"b").args()).containsExactly("a", "b");
	}

	@Test
	void unterminatedDoubleQuoteIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("Listen 80\nAlias \"/a b /c"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:2");
				assertThat(ex.getReason()).contains("unterminated").contains("\"");
				assertThat(ex.getMessage()).startsWith("test.conf:2: ");
			});
	}

	@Test
	void unterminatedSingleQuoteIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("\n\nX 'abc"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:3"));
	}

	@Test
	void escapedQuoteDoesNotCloseTheArgument() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("X \"abc\\\""))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
	}

	@Test
	void unterminatedQuoteInAContinuedLineIsReportedAtItsFirstLine() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("Listen 80\nX a \\\n \"b"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:2"));
	}

	// Names

	@Test
	void directiveNameKeepsItsSpellingAndComparesIgnoringCase() {
		ApacheDirective directive = single("wsgiscriptALIAS / /srv/app.wsgi");
		assertThat(directive.name()).isEqualTo("wsgiscriptALIAS");
		assertThat(directive.is("WSGIScriptAlias")).isTrue();
		assertThat(directive.is("WSGIScriptAliasMatch")).isFalse();
	}

	// Sections

	@Test
	void sectionHoldsItsContents() {
		ApacheDirective directory = single("<Directory /srv/app>\n    Require all granted\n    Options None\n"
				+ "</Directory>");
		assertThat(directory.name()).isEqualTo("Directory");
		assertThat(directory.isSection()).isTrue();
		assertThat(directory.args()).containsExactly("/srv/app");
		assertThat(directory.line()).isEqualTo(1);
		assertThat(directory.children()).extracting(ApacheDirective::name).containsExactly("Require", "Options");
		assertThat(directory.children()).extracting(ApacheDirective::line).containsExactly(2, 3);
		assertThat(directory.children()).noneMatch(ApacheDirective::isSection);
	}

	@Test
	void emptySectionIsStillASection() {
		ApacheDirective location = single("<Location /x>\n</Location>");
		assertThat(location.isSection()).isTrue();
		assertThat(location.children()).isEmpty();
	}

	@Test
	void sectionWithoutArguments() {
		ApacheDirective section = single("<Else>\nX\n</Else>");
		assertThat(section.args()).isEmpty();
		assertThat(section.children()).hasSize(1);
	}

	@Test
	void quotedSectionArgumentKeepsItsBlanks() {
		assertThat(single("<Directory \"/srv/my app\">\n</Directory>").args()).containsExactly("/srv/my app");
		assertThat(single("<Directory '/srv/my app' >\n</Directory>").args()).containsExactly("/srv/my app");
	}

	@Test
	void sectionWithSeveralArguments() {
		assertThat(single("<VirtualHost *:80 [::1]:80>\n</VirtualHost>").args()).containsExactly("*:80", "[::1]:80");
	}

	@Test
	void greaterThanInsideQuotesDoesNotCloseTheTag() {
		assertThat(single("<If \"%{A} > 3\">\nX\n</If>").args()).containsExactly("%{A} > 3");
	}

	@Test
	void sectionForTheRootLocation() {
		assertThat(single("<Location />\n</Location>").args()).containsExactly("/");
	}

	@Test
	void sectionsNest() {
		ApacheDirective host = single("""
				<VirtualHost *:80>
					ServerName a
					<Directory /srv>
						<Files app.wsgi>
							Require all granted
						</Files>
					</Directory>
					ServerAlias b
				</VirtualHost>
				""");
		assertThat(host.children()).extracting(ApacheDirective::name)
			.containsExactly("ServerName", "Directory", "ServerAlias");
		ApacheDirective files = host.children().get(1).children().get(0);
		assertThat(files.is("files")).isTrue();
		assertThat(files.line()).isEqualTo(4);
		assertThat(files.children()).singleElement()
			.satisfies((require) -> assertThat(require.args()).containsExactly("all", "granted"));
	}

	@Test
	void closingTagMatchesIgnoringCaseAndKeepsTheOpeningSpelling() {
		ApacheDirective directory = single("<directory /a>\nX\n</DIRECTORY  >");
		assertThat(directory.name()).isEqualTo("directory");
		assertThat(directory.is("Directory")).isTrue();
	}

	@Test
	void sectionMissingItsClosingBracketIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("Listen 80\n<Directory /srv\n</Directory>"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:2");
				assertThat(ex.getReason()).contains("<Directory>").contains("'>'");
			});
	}

	@Test
	void closingTagMissingItsBracketIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("<Directory /a>\n</Directory"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:2");
				assertThat(ex.getReason()).contains("'>'");
			});
	}

	@Test
	void textAfterTheClosingBracketIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<Directory /a> Require all granted\n</Directory>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<Directory /a>\n</Directory> x"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:2"));
	}

	@Test
	void sectionWithoutANameIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("< Directory /a>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("<Directory /a>\n</>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:2"));
	}

	@Test
	void unclosedSectionIsAnErrorWhereItWasOpened() {
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("Listen 80\n<VirtualHost *:80>\n  ServerName a\n"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:2");
				assertThat(ex.getReason()).contains("<VirtualHost>").contains("</VirtualHost>");
			});
	}

	@Test
	void innermostUnclosedSectionIsReported() {
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<VirtualHost *:80>\n</VirtualHost>\n<Location /a>\n<Files x>\n</Files>\n"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:3");
				assertThat(ex.getReason()).contains("<Location>");
			});
	}

	@Test
	void mismatchedClosingTagIsAnErrorNamingBothSections() {
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<VirtualHost *:80>\n<Directory /a>\n</VirtualHost>\n</Directory>"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:3");
				assertThat(ex.getReason()).contains("</VirtualHost>")
					.contains("<Directory>")
					.contains("test.conf:2");
			});
	}

	@Test
	void closingTagWithoutAnOpenSectionIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("Listen 80\n</Directory>"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:2");
				assertThat(ex.getReason()).contains("</Directory>");
			});
	}

	@Test
	void sectionOpeningCanBeContinued() {
		ApacheDirective host = single("\n<VirtualHost \\\n  *:80>\n</VirtualHost>");
		assertThat(host.args()).containsExactly("*:80");
		assertThat(host.line()).isEqualTo(2);
	}

	// Define and variables

	@Test
	void consumedDirectivesDoNotAppearInTheTree() {
		List<ApacheDirective> directives = parse("""
				Define A 1
				UnDefine A
				IncludeOptional /does/not/exist/*.conf
				<IfDefine !A>
				Listen 80
				</IfDefine>
				<IfModule mod_wsgi.c>
				Listen 81
				</IfModule>
				""");
		assertThat(directives).extracting(ApacheDirective::name).containsExactly("Listen", "Listen");
	}

	@Test
	void definedVariableIsSubstitutedInLaterArguments() {
		List<ApacheDirective> directives = parse("""
				Define APP_ROOT /srv/app
				WSGIScriptAlias / ${APP_ROOT}/app.wsgi
				Alias /static "${APP_ROOT}/static files"
				""");
		assertThat(directives.get(0).args()).containsExactly("/", "/srv/app/app.wsgi");
		assertThat(directives.get(1).args()).containsExactly("/static", "/srv/app/static files");
	}

	@Test
	void variableBeforeItsDefineIsLeftAsWritten() {
		List<ApacheDirective> directives = parse("X ${LATER_DEFINED_XYZ}\nDefine LATER_DEFINED_XYZ 1\nX ${LATER_DEFINED_XYZ}");
		assertThat(directives.get(0).args()).containsExactly("${LATER_DEFINED_XYZ}");
		assertThat(directives.get(1).args()).containsExactly("1");
	}

	@Test
	void valueWithBlanksStaysOneArgument() {
		assertThat(parse("Define DIR \"/a b\"\nDocumentRoot ${DIR}").get(0).args()).containsExactly("/a b");
	}

	@Test
	void severalVariablesInOneArgument() {
		assertThat(parse("Define A x\nDefine B y\nX ${A}-${B}/${A}").get(0).args()).containsExactly("x-y/x");
	}

	@Test
	void variablesAreSubstitutedInSectionArguments() {
		ApacheDirective directory = parse("Define ROOT /srv\n<Directory ${ROOT}/app>\nX ${ROOT}\n</Directory>").get(0);
		assertThat(directory.args()).containsExactly("/srv/app");
		assertThat(directory.children().get(0).args()).containsExactly("/srv");
	}

	@Test
	void defineWithoutValueSubstitutesTheEmptyString() {
		assertThat(parse("Define FLAG\nX a${FLAG}b").get(0).args()).containsExactly("ab");
	}

	@Test
	void defineValueCanUseEarlierVariables() {
		assertThat(parse("Define A /srv\nDefine B ${A}/app\nX ${B}").get(0).args()).containsExactly("/srv/app");
	}

	@Test
	void laterDefineReplacesTheValue() {
		assertThat(parse("Define A 1\nX ${A}\nDefine A 2\nX ${A}")).extracting((d) -> d.args().get(0))
			.containsExactly("1", "2");
	}

	@Test
	void constructorDefinesAreVariables() {
		assertThat(single("X ${FROM_COMMAND_LINE}").args()).containsExactly("cli");
	}

	@Test
	void constructorDefineWithNullValueIsDefinedAndEmpty() {
		Map<String, String> defines = new HashMap<>();
		defines.put("FLAG", null);
		ApacheConfigParser parser = new ApacheConfigParser(defines, (module) -> false);
		List<ApacheDirective> directives = parser.parse("<IfDefine FLAG>\nX [${FLAG}]\n</IfDefine>", "x.conf", null);
		assertThat(directives).singleElement().satisfies((d) -> assertThat(d.args()).containsExactly("[]"));
	}

	@Test
	void unDefineRemovesTheVariable() {
		assertThat(parse("Define A 1\nUnDefine A\nX ${A}").get(0).args()).containsExactly("${A}");
		assertThat(parse("UnDefine FROM_COMMAND_LINE\nX ${FROM_COMMAND_LINE}").get(0).args())
			.containsExactly("${FROM_COMMAND_LINE}");
	}

	@Test
	void definesDoNotLeakIntoTheNextParse() {
		parse("Define LEAK 1\nUnDefine FROM_COMMAND_LINE");
		assertThat(single("X ${LEAK} ${FROM_COMMAND_LINE}").args()).containsExactly("${LEAK}", "cli");
	}

	@Test
	void environmentVariableIsSubstitutedWhenNotDefined() {
		String path = System.getenv("PATH");
		assumeThat(path).isNotNull();
		assertThat(single("X ${PATH}").args()).containsExactly(path);
	}

	@Test
	void defineTakesPrecedenceOverTheEnvironment() {
		assumeThat(System.getenv("PATH")).isNotNull();
		assertThat(parse("Define PATH mine\nX ${PATH}").get(0).args()).containsExactly("mine");
	}

	@Test
	void unknownVariableIsLeftAsWritten() {
		assertThat(single("X ${NO_SUCH_VARIABLE_4711}/x").args()).containsExactly("${NO_SUCH_VARIABLE_4711}/x");
	}

	@Test
	void incompleteVariableReferencesAreLeftAsWritten() {
		assertThat(parse("Define A 1\nX ${A ${} $A {A} ${A}").get(0).args()).containsExactly("${A", "${}", "$A",
				"{A}", "1");
	}

	@Test
	void substitutedValueIsNotScannedAgain() {
		assertThat(parse("Define A ${B}\nDefine B 2\nX ${A}").get(0).args()).containsExactly("${B}");
	}

	@Test
	void variablesAreSubstitutedInsideSingleQuotes() {
		assertThat(parse("Define A 1\nX '${A}'").get(0).args()).containsExactly("1");
	}

	@Test
	void defineWithTooManyArgumentsIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("\nDefine A b c"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:2"));
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("Define"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
	}

	@Test
	void consumedDirectiveWrittenTheWrongWayIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("IfDefine A"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("<Define A>\n</Define>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
	}

	// IfDefine and IfModule

	@Test
	void ifDefineKeepsItsContentsInPlaceWhenDefined() {
		List<ApacheDirective> directives = parse("""
				Listen 80
				Define DEBUG
				<IfDefine DEBUG>
					LogLevel debug
					Listen 81
				</IfDefine>
				Listen 82
				""");
		assertThat(directives).extracting((d) -> d.name() + ":" + d.line())
			.containsExactly("Listen:1", "LogLevel:4", "Listen:5", "Listen:7");
	}

	@Test
	void ifDefineDropsItsContentsWhenNotDefined() {
		assertThat(parse("<IfDefine DEBUG>\nLogLevel debug\n</IfDefine>\nListen 80"))
			.extracting(ApacheDirective::name)
			.containsExactly("Listen");
	}

	@Test
	void negatedIfDefine() {
		assertThat(parse("<IfDefine !DEBUG>\nA\n</IfDefine>\nDefine DEBUG\n<IfDefine !DEBUG>\nB\n</IfDefine>"))
			.extracting(ApacheDirective::name)
			.containsExactly("A");
	}

	@Test
	void ifDefineSeesConstructorDefines() {
		assertThat(parse("<IfDefine FROM_COMMAND_LINE>\nA\n</IfDefine>")).hasSize(1);
	}

	@Test
	void ifDefineSeesUnDefine() {
		assertThat(parse("UnDefine FROM_COMMAND_LINE\n<IfDefine FROM_COMMAND_LINE>\nA\n</IfDefine>")).isEmpty();
	}

	@Test
	void ifModuleAsksThePredicate() {
		List<String> asked = new ArrayList<>();
		ApacheConfigParser parser = new ApacheConfigParser(Map.of(), (module) -> {
			asked.add(module);
			return MODULES.contains(module);
		});
		List<ApacheDirective> directives = parser.parse("""
				<IfModule mod_wsgi.c>
					A
				</IfModule>
				<IfModule wsgi_module>
					B
				</IfModule>
				<IfModule mod_rewrite.c>
					C
				</IfModule>
				<IfModule !mod_rewrite.c>
					D
				</IfModule>
				<IfModule !mod_wsgi.c>
					E
				</IfModule>
				""", "test.conf", null);
		assertThat(directives).extracting(ApacheDirective::name).containsExactly("A", "B", "D");
		assertThat(asked).containsExactly("mod_wsgi.c", "wsgi_module", "mod_rewrite.c", "mod_rewrite.c", "mod_wsgi.c");
	}

	@Test
	void conditionalNamesAreCaseInsensitive() {
		assertThat(parse("<ifmodule mod_wsgi.c>\nA\n</IFMODULE>\n<IFDEFINE FROM_COMMAND_LINE>\nB\n</ifdefine>"))
			.extracting(ApacheDirective::name)
			.containsExactly("A", "B");
	}

	@Test
	void conditionalsNest() {
		List<ApacheDirective> directives = parse("""
				<IfModule mod_wsgi.c>
					A
					<IfDefine !NOPE>
						B
						<IfModule mod_rewrite.c>
							C
						</IfModule>
						<IfDefine FROM_COMMAND_LINE>
							D
						</IfDefine>
					</IfDefine>
				</IfModule>
				<IfModule mod_rewrite.c>
					<IfDefine FROM_COMMAND_LINE>
						E
					</IfDefine>
				</IfModule>
				""");
		assertThat(directives).extracting(ApacheDirective::name).containsExactly("A", "B", "D");
	}

	@Test
	void conditionalInsideASectionSplicesIntoThatSection() {
		ApacheDirective host = single("""
				<VirtualHost *:80>
					A
					<IfModule mod_wsgi.c>
						B
						<Directory /srv>
						</Directory>
					</IfModule>
					C
				</VirtualHost>
				""");
		assertThat(host.children()).extracting(ApacheDirective::name).containsExactly("A", "B", "Directory", "C");
	}

	@Test
	void droppedConditionalIsNotInterpreted() {
		List<ApacheDirective> directives = parse("""
				<IfDefine NOPE>
					Define A 1
					UnDefine FROM_COMMAND_LINE
					Include /does/not/exist.conf
					Define
				</IfDefine>
				X ${A} ${FROM_COMMAND_LINE}
				""");
		assertThat(directives).singleElement().satisfies((d) -> assertThat(d.args()).containsExactly("${A}", "cli"));
	}

	@Test
	void droppedConditionalIsStillCheckedForBalance() {
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<IfDefine NOPE>\n<Directory /a>\n</IfDefine>"))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo("test.conf:3");
				assertThat(ex.getReason()).contains("<Directory>");
			});
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<IfModule mod_nope.c>\n<Directory /a>\n"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:2"));
	}

	@Test
	void conditionalArgumentMayBeAVariable() {
		assertThat(parse("Define M mod_wsgi.c\n<IfModule ${M}>\nA\n</IfModule>")).hasSize(1);
	}

	@Test
	void conditionalWithoutOneArgumentIsAnError() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("\n<IfDefine>\nA\n</IfDefine>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:2"));
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> parse("<IfModule a b>\nA\n</IfModule>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("<IfModule !>\n</IfModule>"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
	}

	// Include and IncludeOptional

	@Test
	void includeSplicesTheFileInPlaceKeepingItsFileAndLines() throws IOException {
		write("vhost.conf", "\nServerName inner\n<Directory /srv>\n</Directory>\n");
		Path main = write("httpd.conf", "Listen 80\nInclude vhost.conf\nListen 81\n");
		List<ApacheDirective> directives = this.parser.parse(main);
		String vhost = this.temp.resolve("vhost.conf").toString();
		assertThat(directives).extracting(ApacheDirective::location)
			.containsExactly(main + ":1", vhost + ":2", vhost + ":3", main + ":3");
		assertThat(directives.get(2).isSection()).isTrue();
	}

	@Test
	void parseFileNamesDirectivesWithThePathAsGiven() throws IOException {
		Path main = write("httpd.conf", "Listen 80");
		assertThat(this.parser.parse(main)).singleElement()
			.satisfies((d) -> assertThat(d.file()).isEqualTo(main.toString()));
	}

	@Test
	void includeInsideASectionSplicesIntoThatSection() throws IOException {
		write("inner.conf", "Require all granted\n");
		ApacheDirective directory = single(this.parser.parse(write("httpd.conf",
				"<Directory /srv>\nOptions None\nInclude inner.conf\n</Directory>")));
		assertThat(directory.children()).extracting(ApacheDirective::name).containsExactly("Options", "Require");
	}

	@Test
	void relativeIncludeIsResolvedAgainstTheIncludingFilesDirectory() throws IOException {
		write("conf/sites/site.conf", "Include ../common/common.conf\nSite x");
		write("conf/common/common.conf", "Common y");
		Path main = write("conf/httpd.conf", "Include sites/site.conf");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::name).containsExactly("Common", "Site");
	}

	@Test
	void absoluteIncludePath() throws IOException {
		Path other = write("elsewhere/x.conf", "X 1");
		assertThat(single(this.parser.parse(write("conf/httpd.conf", "Include \"" + other + "\"")))).satisfies(
				(d) -> assertThat(d.file()).isEqualTo(other.toString()));
	}

	@Test
	void includeFromTextResolvesAgainstTheBaseDirectory() throws IOException {
		write("conf.d/wsgi.conf", "WSGIScriptAlias / /srv/app.wsgi");
		List<ApacheDirective> directives = this.parser.parse("Include conf.d/wsgi.conf", "classpath:httpd.conf",
				this.temp);
		assertThat(directives).singleElement().satisfies((d) -> {
			assertThat(d.is("WSGIScriptAlias")).isTrue();
			assertThat(d.file()).isEqualTo(this.temp.resolve("conf.d/wsgi.conf").toString());
		});
	}

	@Test
	void includePathMayUseVariables() throws IOException {
		write("conf.d/a.conf", "A");
		Path main = write("httpd.conf", "Define CONF conf.d\nInclude ${CONF}/a.conf");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::name).containsExactly("A");
	}

	@Test
	void definesInAnIncludedFileApplyAfterTheInclude() throws IOException {
		write("vars.conf", "Define ROOT /srv\nUnDefine FROM_COMMAND_LINE");
		Path main = write("httpd.conf", "Include vars.conf\nX ${ROOT} ${FROM_COMMAND_LINE}\n"
				+ "<IfDefine ROOT>\nY\n</IfDefine>");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::args)
			.containsExactly(List.of("/srv", "${FROM_COMMAND_LINE}"), List.of());
	}

	@Test
	void includedFileSeesEarlierDefines() throws IOException {
		write("inner.conf", "X ${ROOT}");
		Path main = write("httpd.conf", "Define ROOT /srv\nInclude inner.conf");
		assertThat(single(this.parser.parse(main)).args()).containsExactly("/srv");
	}

	@Test
	void includeOfAMissingFileIsAnErrorAtTheInclude() throws IOException {
		Path main = write("httpd.conf", "Listen 80\nInclude missing.conf");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(main))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(main + ":2");
				assertThat(ex.getReason()).contains("missing.conf");
			});
	}

	@Test
	void includeOptionalOfAMissingFileIncludesNothing() throws IOException {
		Path main = write("httpd.conf", "IncludeOptional missing.conf\nIncludeOptional missing/*.conf\nListen 80");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::name).containsExactly("Listen");
	}

	@Test
	void wildcardIncludesMatchingFilesInSortedOrder() throws IOException {
		write("conf.d/20-b.conf", "B");
		write("conf.d/10-a.conf", "A");
		write("conf.d/30-c.conf", "C");
		write("conf.d/readme.txt", "NotIncluded");
		Path main = write("httpd.conf", "Include conf.d/*.conf\nLast");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::name).containsExactly("A", "B", "C", "Last");
	}

	@Test
	void wildcardSupportsQuestionMarkAndBrackets() throws IOException {
		write("conf.d/a1.conf", "A1");
		write("conf.d/a2.conf", "A2");
		write("conf.d/a3.conf", "A3");
		write("conf.d/ab.conf", "AB");
		write("conf.d/a10.conf", "A10");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/a?.conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("A1", "A2", "A3", "AB");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/a[13].conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("A1", "A3");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/a[1-2].conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("A1", "A2");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/a[!0-9].conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("AB");
	}

	@Test
	void wildcardTreatsOtherCharactersLiterally() throws IOException {
		write("conf.d/a.b.conf", "Dot");
		write("conf.d/aXb.conf", "X");
		write("conf.d/a+b(1).conf", "Plus");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/a.b*")))
			.extracting(ApacheDirective::name)
			.containsExactly("Dot");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/a+b(*)*")))
			.extracting(ApacheDirective::name)
			.containsExactly("Plus");
	}

	@Test
	void wildcardDoesNotMatchHiddenFilesUnlessAsked() throws IOException {
		write("conf.d/.hidden.conf", "Hidden");
		write("conf.d/visible.conf", "Visible");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/*.conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("Visible");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/.*.conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("Hidden");
	}

	@Test
	void wildcardInADirectoryComponent() throws IOException {
		write("sites/b/site.conf", "B");
		write("sites/a/site.conf", "A");
		write("sites/c/other.conf", "C");
		write("sites/d.conf", "NotADirectory");
		assertThat(this.parser.parse(write("httpd.conf", "Include sites/*/site.conf")))
			.extracting(ApacheDirective::name)
			.containsExactly("A", "B");
	}

	@Test
	void wildcardMatchingNothingIsAnErrorForInclude() throws IOException {
		Files.createDirectories(this.temp.resolve("conf.d"));
		Path main = write("httpd.conf", "\nInclude conf.d/*.conf");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(main))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(main + ":2");
				assertThat(ex.getReason()).contains("conf.d/*.conf");
			});
	}

	@Test
	void wildcardMatchingNothingIsFineForIncludeOptional() throws IOException {
		Files.createDirectories(this.temp.resolve("conf.d"));
		Path main = write("httpd.conf", "IncludeOptional conf.d/*.conf\nIncludeOptional nodir/*/x.conf");
		assertThat(this.parser.parse(main)).isEmpty();
	}

	@Test
	void includeOfADirectoryIncludesEverythingInItRecursivelyInSortedOrder() throws IOException {
		write("conf.d/b.conf", "B");
		write("conf.d/a.conf", "A");
		write("conf.d/c/z.conf", "CZ");
		write("conf.d/c/y.txt", "CY");
		write("conf.d/d.txt", "D");
		Path main = write("httpd.conf", "Include conf.d\nIncludeOptional conf.d/c/");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::name)
			.containsExactly("A", "B", "CY", "CZ", "D", "CY", "CZ");
	}

	@Test
	void wildcardMatchingADirectoryIncludesItsFiles() throws IOException {
		write("conf.d/mods/a.conf", "A");
		write("conf.d/m.conf", "M");
		assertThat(this.parser.parse(write("httpd.conf", "Include conf.d/m*")))
			.extracting(ApacheDirective::name)
			.containsExactly("M", "A");
	}

	@Test
	void sameFileMayBeIncludedTwice() throws IOException {
		write("common.conf", "Common");
		Path main = write("httpd.conf", "Include common.conf\nInclude common.conf");
		assertThat(this.parser.parse(main)).extracting(ApacheDirective::name).containsExactly("Common", "Common");
	}

	@Test
	void fileIncludingItselfIsAnError() throws IOException {
		Path main = write("httpd.conf", "Listen 80\nInclude httpd.conf");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(main))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(main + ":2");
				assertThat(ex.getReason()).contains("loop");
			});
	}

	@Test
	void indirectIncludeLoopIsAnError() throws IOException {
		Path a = write("a.conf", "Include b.conf");
		Path b = write("b.conf", "X\nInclude *.conf");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(a))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(b + ":2");
				assertThat(ex.getReason()).contains("loop").contains(a.toString()).contains(b.toString());
			});
	}

	@Test
	void includeLoopThroughTextIsAnError() throws IOException {
		write("a.conf", "Include a.conf");
		assertThatExceptionOfType(ApacheConfigException.class)
			.isThrownBy(() -> this.parser.parse("Include a.conf", "main.conf", this.temp))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("loop"));
	}

	@Test
	void directoryIncludingItsOwnDirectoryIsAnError() throws IOException {
		write("conf.d/a.conf", "Include .");
		Path main = write("httpd.conf", "Include conf.d");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(main))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("loop"));
	}

	@Test
	void errorInAnIncludedFileNamesThatFile() throws IOException {
		Path inner = write("inner.conf", "Listen 80\n<Directory /a>\n");
		Path main = write("httpd.conf", "Include inner.conf");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(main))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo(inner + ":2"));
	}

	@Test
	void sectionCannotBeClosedInAnotherFile() throws IOException {
		write("close.conf", "</Directory>");
		Path main = write("httpd.conf", "<Directory /a>\nInclude close.conf\n</Directory>");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(main))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo(this.temp.resolve("close.conf") + ":1"));
	}

	@Test
	void includeWithoutOneArgumentIsAnError() throws IOException {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("Include"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> parse("IncludeOptional a b"))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo("test.conf:1"));
	}

	// Unreadable files

	@Test
	void missingFileIsAnErrorNamingTheFile() {
		Path missing = this.temp.resolve("missing.conf");
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(missing))
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(missing.toString());
				assertThat(ex.getReason()).contains("no such file");
				assertThat(ex.getMessage()).isEqualTo(missing + ": " + ex.getReason());
			});
	}

	@Test
	void directoryIsNotAReadableFile() {
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(this.temp))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo(this.temp.toString()));
	}

	@Test
	void fileThatIsNotUtf8IsAnError() throws IOException {
		Path file = this.temp.resolve("latin1.conf");
		Files.write(file, "ServerName caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(ApacheConfigException.class).isThrownBy(() -> this.parser.parse(file))
			.satisfies((ex) -> assertThat(ex.getLocation()).isEqualTo(file.toString()));
	}

	@Test
	void readsUtf8Text() throws IOException {
		Path file = write("utf8.conf", "ServerName caf\u00e9");
		assertThat(single(this.parser.parse(file)).args()).containsExactly("caf\u00e9");
	}

	// The tree

	@Test
	void directiveIsImmutable() {
		List<String> args = new ArrayList<>(List.of("a"));
		List<ApacheDirective> children = new ArrayList<>(List.of(new ApacheDirective("C", List.of(), "f", 2, List.of())));
		ApacheDirective directive = new ApacheDirective("S", args, "f", 1, children, true);
		args.add("b");
		children.clear();
		assertThat(directive.args()).containsExactly("a");
		assertThat(directive.children()).hasSize(1);
		assertThat(directive.location()).isEqualTo("f:1");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> directive.args().add("c"));
	}

	@Test
	void shortConstructorMakesASectionExactlyWhenThereAreChildren() {
		ApacheDirective child = new ApacheDirective("C", List.of(), "f", 2, List.of());
		assertThat(child.isSection()).isFalse();
		assertThat(new ApacheDirective("S", List.of(), "f", 1, List.of(child)).isSection()).isTrue();
	}

	@Test
	void plainDirectiveCannotHaveChildren() {
		ApacheDirective child = new ApacheDirective("C", List.of(), "f", 2, List.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApacheDirective("S", List.of(), "f", 1, List.of(child), false));
	}

	@Test
	void exceptionSeparatesLocationAndReason() {
		ApacheConfigException ex = new ApacheConfigException("httpd.conf:3", "something is wrong");
		assertThat(ex.getLocation()).isEqualTo("httpd.conf:3");
		assertThat(ex.getReason()).isEqualTo("something is wrong");
		assertThat(ex.getMessage()).isEqualTo("httpd.conf:3: something is wrong");
	}

	@Test
	void readsARealisticConfiguration() {
		List<ApacheDirective> directives = parse("""
				# mod_wsgi configuration
				Define APP /srv/wiki
				<IfModule !wsgi_module>
					LoadModule wsgi_module modules/mod_wsgi.so
				</IfModule>
				<VirtualHost *:80>
					ServerName wiki.example.com
					WSGIDaemonProcess wiki user=wiki group=wiki \\
						processes=2 threads=15 display-name=%{GROUP}
					WSGIProcessGroup wiki
					WSGIScriptAlias / "${APP}/app.wsgi" process-group=wiki application-group=%{GLOBAL}
					<Directory "${APP}">
						<Files app.wsgi>
							Require all granted
						</Files>
					</Directory>
				</VirtualHost>
				""");
		ApacheDirective host = single(directives);
		assertThat(host.children()).extracting(ApacheDirective::name)
			.containsExactly("ServerName", "WSGIDaemonProcess", "WSGIProcessGroup", "WSGIScriptAlias", "Directory");
		assertThat(host.children().get(1).args()).containsExactly("wiki", "user=wiki", "group=wiki", "processes=2",
				"threads=15", "display-name=%{GROUP}");
		assertThat(host.children().get(3).args()).containsExactly("/", "/srv/wiki/app.wsgi", "process-group=wiki",
				"application-group=%{GLOBAL}");
		assertThat(host.children().get(3).line()).isEqualTo(11);
		assertThat(host.children().get(4).args()).containsExactly("/srv/wiki");
	}

	private List<ApacheDirective> parse(String text) {
		return this.parser.parse(text, "test.conf", this.temp);
	}

	private ApacheDirective single(String text) {
		return single(parse(text));
	}

	private static ApacheDirective single(List<ApacheDirective> directives) {
		assertThat(directives).hasSize(1);
		return directives.get(0);
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.temp.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		return file;
	}

}
