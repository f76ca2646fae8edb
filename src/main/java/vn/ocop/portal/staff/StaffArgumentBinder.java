package vn.ocop.portal.staff;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a staff controller take the {@link Staff} the gate admitted as a plain parameter. */
@Singleton
class StaffArgumentBinder implements TypedRequestArgumentBinder<Staff> {

    @Override
    public Argument<Staff> argumentType() {
        return Argument.of(Staff.class);
    }

    @Override
    public BindingResult<Staff> bind(ArgumentConversionContext<Staff> context, HttpRequest<?> request) {
        Optional<Staff> staff = request.getAttribute(Staff.ATTRIBUTE, Staff.class);
        return () -> staff;
    }
}
