package klaspoort.peers.basispoort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import klaspoort.peers.basispoort.SsoAccounts.Account;
import klaspoort.peers.basispoort.SsoAccounts.Kind;

/**
 * The simulated Basispoort's sign-in page, in Dutch: a login field (no password: this is a stand-in) and, below it,
 * the demo accounts with a button each. Both forms post back to the authorization URL the browser came with.
 */
final class SsoLoginPage {

    /** At most this many accounts are listed (a generated world for benchmarks has many thousands). */
    static final int LISTED = 300;

    private SsoLoginPage() {
    }

    static String render(String clientId, String typedLogin, String error, List<Account> accounts) {
        StringBuilder html = new StringBuilder(32_768).append("""
                <!doctype html>
                <html lang="nl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Inloggen – Basispoort (simulator)</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b2733; }
                  main { max-width: 56rem; margin: 0 auto; padding: 1.5rem; }
                  h1 { color: #00558c; }
                  .card { background: #fff; border-radius: .5rem; padding: 1rem 1.25rem; margin-bottom: 1rem; }
                  label { display: block; font-weight: 600; margin-bottom: .25rem; }
                  input { font-size: 1rem; padding: .5rem; width: min(100%, 24rem); }
                  button { font-size: 1rem; padding: .4rem .9rem; cursor: pointer; }
                  .error { color: #a4000f; font-weight: 600; }
                  table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
                  caption { text-align: left; font-weight: 600; padding: .5rem 0; }
                  th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #dde3e8; }
                </style>
                </head>
                <body>
                <main>
                <h1>Inloggen bij Basispoort</h1>
                <p>Dit is de nagebootste Basispoort van de Klaspoort-demo en -tests. Een wachtwoord is niet nodig.</p>
                """);
        html.append("<p>Je logt in voor <strong>").append(escape(clientId)).append("</strong>.</p>\n");
        html.append("<form method=\"post\" class=\"card\">\n");
        if (error != null) {
            html.append("<p role=\"alert\" class=\"error\" id=\"fout\">").append(escape(error)).append("</p>\n");
        }
        html.append("<label for=\"username\">Gebruikersnaam of e-mailadres</label>\n")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus")
                .append(error == null ? "" : " aria-describedby=\"fout\" aria-invalid=\"true\"")
                .append(" value=\"").append(escape(typedLogin == null ? "" : typedLogin)).append("\">\n")
                .append("<button type=\"submit\">Inloggen</button>\n</form>\n");

        html.append("<section class=\"card\">\n<h2>Demo-accounts</h2>\n");
        Map<String, List<Account>> bySchool = accounts.stream().limit(LISTED)
                .collect(Collectors.groupingBy(Account::schoolName, LinkedHashMap::new, Collectors.toList()));
        bySchool.forEach((school, members) -> {
            html.append("<h3>").append(escape(school)).append("</h3>\n<form method=\"post\">\n");
            table(html, "Medewerkers", "Rollen", members.stream().filter(a -> a.kind() == Kind.MEDEWERKER).toList());
            table(html, "Leerlingen", "Groep", members.stream().filter(a -> a.kind() == Kind.LEERLING).toList());
            html.append("</form>\n");
        });
        if (accounts.size() > LISTED) {
            html.append("<p>En nog ").append(accounts.size() - LISTED).append(" andere accounts.</p>\n");
        }
        return html.append("</section>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, String caption, String detail, List<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        html.append("<table>\n<caption>").append(caption).append("</caption>\n")
                .append("<tr><th scope=\"col\">Naam</th><th scope=\"col\">Inlognaam</th><th scope=\"col\">").append(detail)
                .append("</th><th scope=\"col\"><span hidden>Actie</span></th></tr>\n");
        for (Account account : accounts) {
            String name = escape(account.displayName());
            html.append("<tr><td>").append(name).append("</td><td>").append(escape(account.login())).append("</td><td>")
                    .append(escape(account.kind() == Kind.MEDEWERKER ? String.join(", ", account.roles().stream().sorted().toList())
                            : account.group() == null ? "" : account.group()))
                    .append("</td><td><button name=\"username\" value=\"").append(escape(account.login()))
                    .append("\">Inloggen als ").append(name).append("</button></td></tr>\n");
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
