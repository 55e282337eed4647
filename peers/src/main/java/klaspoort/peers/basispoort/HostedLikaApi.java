package klaspoort.peers.basispoort;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * {@code /hosted-lika/management/lika/{publisher code}}: hosted licences. The publisher manages its methods and
 * products and says which users may use them (by Basispoort user id or by institution + ECK iD); every change is
 * recorded in the world ({@link BasispoortWorld#likaPushes()}) so tests read back what was pushed.
 */
final class HostedLikaApi extends Http {

    static final String PREFIX = "/hosted-lika/management/lika";

    private final BasispoortWorld world;
    private final String publisherCode;

    HostedLikaApi(BasispoortWorld world, String publisherCode) {
        super(PREFIX);
        this.world = world;
        this.publisherCode = publisherCode;
    }

    @Override
    Object handle(HttpExchange exchange, String method, List<String> path) throws IOException {
        world.countRequest(method, PREFIX + "/" + String.join("/", path));
        world.failure(exchange.getRequestURI().getPath()).ifPresent(status -> {
            throw new Status(status, "Storing (gesimuleerd)");
        });
        if (path.isEmpty() || !path.getFirst().equals(publisherCode)) {
            throw new Status(403, "Onbekende uitgever");
        }
        List<String> p = path.subList(1, path.size());
        if (p.size() == 2 && p.getFirst().equals("permissions") && method.equals("POST")) {
            boolean grant = switch (p.get(1)) {
                case "grant" -> true;
                case "revoke" -> false;
                default -> throw new Status(404, "Niet gevonden");
            };
            List<String> unknown = world.bulk(grant, read(exchange, Api.BulkPermissions.class));
            if (!unknown.isEmpty()) {
                throw new Status(404, "Onbekend: " + String.join(", ", unknown));
            }
            // applied; a test may hold the answer back while it kills the caller (outside the world's monitor)
            world.takeHold(exchange.getRequestURI().getPath()).ifPresent(HostedLikaApi::await);
            return null;
        }
        if (p.isEmpty() || !p.getFirst().equals("methode")) {
            throw new Status(404, "Niet gevonden");
        }
        if (p.size() == 1) {
            return switch (method) {
                case "GET" -> new Api.Methodes(world.methodes());
                case "POST" -> {
                    Api.Methode methode = read(exchange, Api.Methode.class);
                    world.putMethode(methode);
                    yield new Created(methode);
                }
                default -> throw methodNotAllowed();
            };
        }
        String methodeId = p.get(1);
        world.methode(methodeId).orElseThrow(() -> new Status(404, "Methode niet gevonden"));
        if (p.size() == 2) {
            return switch (method) {
                case "GET" -> world.methode(methodeId).orElseThrow();
                case "PUT" -> {
                    Api.Methode methode = read(exchange, Api.Methode.class);
                    world.putMethode(new Api.Methode(methodeId, methode.code(), methode.naam(), methode.icon(),
                            methode.iconUrl(), methode.url(), methode.tags()));
                    yield null;
                }
                case "DELETE" -> {
                    world.removeMethode(methodeId);
                    yield null;
                }
                default -> throw methodNotAllowed();
            };
        }
        if (p.get(2).startsWith("gebruiker")) {
            return users(exchange, method, "methode/" + methodeId, p.subList(2, p.size()));
        }
        if (!p.get(2).equals("product")) {
            throw new Status(404, "Niet gevonden");
        }
        if (p.size() == 3) {
            return switch (method) {
                case "GET" -> new Api.Producten(world.producten(methodeId).orElseThrow());
                case "POST" -> {
                    Api.Product product = read(exchange, Api.Product.class);
                    world.putProduct(methodeId, product);
                    yield new Created(product);
                }
                default -> throw methodNotAllowed();
            };
        }
        String productId = p.get(3);
        world.product(methodeId, productId).orElseThrow(() -> new Status(404, "Product niet gevonden"));
        if (p.size() == 4) {
            return switch (method) {
                case "GET" -> world.product(methodeId, productId).orElseThrow();
                case "PUT" -> {
                    Api.Product product = read(exchange, Api.Product.class);
                    world.putProduct(methodeId, new Api.Product(productId, product.code(), product.naam(), product.icon(),
                            product.iconUrl(), product.url(), product.tags()));
                    yield null;
                }
                case "DELETE" -> {
                    world.removeProduct(methodeId, productId);
                    yield null;
                }
                default -> throw methodNotAllowed();
            };
        }
        return users(exchange, method, "product/" + productId, p.subList(4, p.size()));
    }

    /** {@code gebruiker[_eckid]} (GET, PUT, DELETE) and {@code gebruiker[_eckid]/addlist|removelist} (POST). */
    private Object users(HttpExchange exchange, String method, String target, List<String> p) throws IOException {
        boolean byEckId = switch (p.getFirst()) {
            case "gebruiker" -> false;
            case "gebruiker_eckid" -> true;
            default -> throw new Status(404, "Niet gevonden");
        };
        if (p.size() == 1) {
            return switch (method) {
                case "GET" -> byEckId ? new Api.GebruikerEckIds(List.copyOf(world.likaEckUsers(target)))
                        : new Api.GebruikerIds(List.copyOf(world.likaUsers(target)));
                case "PUT" -> change(exchange, "REPLACE", target, byEckId);
                case "DELETE" -> {
                    world.changeUsers("CLEAR", List.of(target), List.of(), List.of());
                    yield null;
                }
                default -> throw methodNotAllowed();
            };
        }
        if (p.size() == 2 && method.equals("POST")) {
            return switch (p.get(1)) {
                case "addlist" -> change(exchange, "ADD", target, byEckId);
                case "removelist" -> change(exchange, "REMOVE", target, byEckId);
                default -> throw new Status(404, "Niet gevonden");
            };
        }
        throw new Status(404, "Niet gevonden");
    }

    private Object change(HttpExchange exchange, String operation, String target, boolean byEckId) throws IOException {
        if (byEckId) {
            world.changeUsers(operation, List.of(target), null, read(exchange, Api.GebruikerEckIds.class).gebruikers());
        } else {
            world.changeUsers(operation, List.of(target), read(exchange, Api.GebruikerIds.class).gebruikers(), null);
        }
        return null;
    }

    private static void await(BasispoortWorld.Hold hold) {
        hold.arrived().countDown();
        try {
            hold.released().await(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
