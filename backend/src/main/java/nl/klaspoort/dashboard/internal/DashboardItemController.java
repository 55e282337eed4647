package nl.klaspoort.dashboard.internal;

import java.util.List;
import nl.klaspoort.dashboard.DashboardItems.Kind;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.dashboardItems}: the publisher's videos, recommendations and announcements (D1). */
@Controller
class DashboardItemController {

    private final DashboardItemQueries queries;

    DashboardItemController(DashboardItemQueries queries) {
        this.queries = queries;
    }

    /** For professionals (and publisher staff); pupils are refused, they see only their tiles. One statement. */
    @QueryMapping
    List<DashboardItem> dashboardItems(@Argument Kind kind) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "dashboard items");
        }
        return queries.items(kind);
    }
}
