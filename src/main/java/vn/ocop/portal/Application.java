package vn.ocop.portal;

import io.micronaut.runtime.Micronaut;

public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
