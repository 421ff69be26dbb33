package com.quanyu.infra.local;

import java.util.List;

/** The seeders that fill a fresh local stack with demo data, in order. */
final class DemoSeeders {
    private DemoSeeders() {
    }

    static List<Seeder> all() {
        return List.of();
    }
}
