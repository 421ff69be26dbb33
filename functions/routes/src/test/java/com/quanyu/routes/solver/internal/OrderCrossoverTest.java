package com.quanyu.routes.solver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenetics.EnumGene;
import io.jenetics.Genotype;
import io.jenetics.Optimize;
import io.jenetics.PermutationChromosome;
import io.jenetics.SwapMutator;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderCrossoverTest {

    @Test
    void childIsAPermutationKeepingASliceOfTheFirstParentInPlace() {
        GiantTour tours = new GiantTour(12);
        OrderCrossover<Integer, Double> ox = new OrderCrossover<>(1.0);
        RandomRegistry.using(new SplittableRandom(5), r -> {
            for (int k = 0; k < 200; k++) {
                int[] a = GiantTour.tour(tours.random());
                int[] b = GiantTour.tour(tours.random());
                int[] child = GiantTour.tour(
                        ox.child(GiantTour.genes(tours.genotype(a)), GiantTour.genes(tours.genotype(b))));
                int[] sorted = child.clone();
                Arrays.sort(sorted);
                for (int i = 0; i < 12; i++) {
                    assertEquals(i + 1, sorted[i], "child is a permutation");
                }
                int kept = 0;
                for (int i = 0; i < 12; i++) {
                    kept += child[i] == a[i] ? 1 : 0;
                }
                assertTrue(kept >= 2, "a slice of at least two genes of the first parent stays in place");
            }
        });
    }

    @Test
    void worksAsAnAltererInAJeneticsEngine() {
        // a ring of 10 points: the optimal tour visits them in circular order, length 10 x chord
        int n = 10;
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {Math.cos(2 * Math.PI * i / n), Math.sin(2 * Math.PI * i / n)};
        }
        Engine<EnumGene<Integer>, Double> engine = Engine.builder(
                        gt -> length(gt, p), Genotype.of(PermutationChromosome.ofInteger(n)))
                .optimize(Optimize.MINIMUM)
                .populationSize(60)
                .alterers(new OrderCrossover<>(0.6), new SwapMutator<>(0.1))
                .executor(Runnable::run)
                .build();
        Genotype<EnumGene<Integer>> best = RandomRegistry.with(
                new SplittableRandom(3), r -> engine.stream().limit(300).collect(EvolutionResult.toBestGenotype()));
        double chord = 2 * Math.sin(Math.PI / n);
        assertEquals(n * chord, length(best, p), 1e-9);
    }

    private static double length(Genotype<EnumGene<Integer>> genotype, double[][] p) {
        ISeq<EnumGene<Integer>> genes = GiantTour.genes(genotype);
        double sum = 0;
        for (int i = 0; i < genes.length(); i++) {
            double[] a = p[genes.get(i).allele()];
            double[] b = p[genes.get((i + 1) % genes.length()).allele()];
            sum += Math.hypot(a[0] - b[0], a[1] - b[1]);
        }
        return sum;
    }
}
