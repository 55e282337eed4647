package nl.klaspoort.dashboard.internal;

import java.util.List;
import nl.klaspoort.dashboard.DashboardItems.Kind;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.dashboardItems} and the publisher's mutations of its videos, recommendations and announcements (D1). */
@Controller
class DashboardItemController {

    private final DashboardItemQueries queries;
    private final DashboardItemService service;

    DashboardItemController(DashboardItemQueries queries, DashboardItemService service) {
        this.queries = queries;
        this.service = service;
    }

    /** For professionals (and publisher staff); pupils are refused, they see only their tiles. One statement. */
    @QueryMapping
    List<DashboardItem> dashboardItems(@Argument Kind kind) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "dashboard items");
        }
        return queries.items(kind);
    }

    @MutationMapping
    DashboardItemService.Payload dashboardItemCreate(@Argument DashboardItemService.ItemInput input) {
        return service.create(input);
    }

    @MutationMapping
    DashboardItemService.Payload dashboardItemUpdate(@Argument DashboardItemService.ItemInput input) {
        return service.update(input);
    }

    @MutationMapping
    DashboardItemService.Payload dashboardItemRemove(@Argument DashboardItemService.ItemInput input) {
        return service.remove(input.itemId());
    }
}
