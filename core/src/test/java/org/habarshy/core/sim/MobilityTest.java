package org.habarshy.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MobilityTest {
    private static final CityGrid CITY = new CityGrid(1000, 800, 100, 2);
    private static final long HOUR = 3_600_000L;

    private static ContactScheduleGenerator generator(MobilityModel model) {
        return new ContactScheduleGenerator(CITY, model, MovementParameters.DEFAULT);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        for (MobilityModel model : new MobilityModel[] {new RandomWaypointMobility(CITY),
            new NeighbourhoodMobility(CITY, 0.1, 0.05)}) {
            ContactSchedule first = generator(model).generate(60, 6 * HOUR, 42);
            ContactSchedule again = generator(model).generate(60, 6 * HOUR, 42);
            ContactSchedule other = generator(model).generate(60, 6 * HOUR, 43);
            assertThat(first.size()).as(model.name()).isGreaterThan(50);
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void everyoneStaysOnTheStreetsInsideTheCity() {
        for (MobilityModel model : new MobilityModel[] {new RandomWaypointMobility(CITY),
            new NeighbourhoodMobility(CITY, 0.1, 0.05)}) {
            AtomicLong outside = new AtomicLong();
            AtomicLong offStreet = new AtomicLong();
            generator(model).generate(40, 4 * HOUR, 7, (now, node, p) -> {
                if (!CITY.contains(p)) {
                    outside.incrementAndGet();
                }
                // Walking along streets: at least one coordinate lies on a street line.
                if (!onStreet(p.x()) && !onStreet(p.y())) {
                    offStreet.incrementAndGet();
                }
            });
            assertThat(outside.get()).as(model.name()).isZero();
            assertThat(offStreet.get()).as(model.name()).isZero();
        }
    }

    private static boolean onStreet(double coordinate) {
        double r = coordinate % CITY.streetSpacing();
        return r < 1e-6 || CITY.streetSpacing() - r < 1e-6;
    }

    @Test
    void contactsAreInTimeOrderBetweenDistinctNodesWithinTheDuration() {
        ContactSchedule s = generator(new RandomWaypointMobility(CITY)).generate(50, 3 * HOUR, 3);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.first(i)).isNotEqualTo(s.second(i)).isBetween(0, 49);
            assertThat(s.second(i)).isBetween(0, 49);
            assertThat(s.time(i)).isBetween(0L, 3 * HOUR);
            if (i > 0) {
                assertThat(s.time(i)).isGreaterThanOrEqualTo(s.time(i - 1));
            }
        }
    }

    @Test
    void residentsSpendMostTimeInTheirHomeBlockAndTravellersDoNot() {
        CityGrid city = new CityGrid(2000, 2000, 100, 4);
        NeighbourhoodMobility model = new NeighbourhoodMobility(city, 0.2, 0.02);
        AtomicInteger residentHome = new AtomicInteger();
        AtomicInteger residentAll = new AtomicInteger();
        AtomicInteger travellerHome = new AtomicInteger();
        AtomicInteger travellerAll = new AtomicInteger();
        new ContactScheduleGenerator(city, model, MovementParameters.DEFAULT).generate(200, 12 * HOUR, 11,
                (now, node, p) -> {
                    boolean home = city.blockOf(p) == model.homeOf(node);
                    if (model.isTraveller(node)) {
                        travellerAll.incrementAndGet();
                        travellerHome.addAndGet(home ? 1 : 0);
                    } else {
                        residentAll.incrementAndGet();
                        residentHome.addAndGet(home ? 1 : 0);
                    }
                });
        assertThat(travellerAll.get()).isPositive();
        assertThat((double) residentHome.get() / residentAll.get()).isGreaterThan(0.85);
        assertThat((double) travellerHome.get() / travellerAll.get()).isLessThan(0.3);
    }

    @Test
    void randomIntersectionsOfABlockLieInThatBlock() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int block = 0; block < CITY.blocks(); block++) {
            for (int i = 0; i < 200; i++) {
                Point p = CITY.randomIntersectionIn(block, random);
                assertThat(CITY.blockOf(p)).isEqualTo(block);
                assertThat(CITY.contains(p)).isTrue();
            }
        }
    }
}
