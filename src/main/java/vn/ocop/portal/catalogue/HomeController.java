package vn.ocop.portal.catalogue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ocop.portal.product.ProductGroup;
import vn.ocop.portal.product.ProductGroupRepository;

/** The home page: what the catalogue holds, by stars and by product group. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {

    private final CatalogueFigures figures;
    private final ProductGroupRepository groups;
    private final HttpLocaleResolver locales;

    HomeController(CatalogueFigures figures, ProductGroupRepository groups, HttpLocaleResolver locales) {
        this.figures = figures;
        this.groups = groups;
        this.locales = locales;
    }

    @Get(uris = {"/", "/en"})
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request) {
        Locale locale = locales.resolveOrDefault(request);
        Map<String, ProductGroup> groupsByCode = groups.findAllOrderByPosition().stream()
                .collect(Collectors.toMap(ProductGroup::code, Function.identity()));
        List<GroupFigure> byGroup = figures.countByGroup().stream()
                .map(count -> new GroupFigure(
                        count.key(), groupsByCode.get(count.key()).name(locale), count.products()))
                .toList();
        List<StarFigure> byStars = figures.countByStars().stream()
                .map(count -> new StarFigure(Integer.parseInt(count.key()), count.products()))
                .toList();
        return new ModelAndView<>(
                "catalogue/home", Map.of("totals", figures.totals(), "byStars", byStars, "byGroup", byGroup));
    }

    record GroupFigure(String code, String name, long products) {}

    record StarFigure(int stars, long products) {}
}
