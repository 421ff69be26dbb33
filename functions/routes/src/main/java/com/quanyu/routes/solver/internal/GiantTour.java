package com.quanyu.routes.solver.internal;

import io.jenetics.EnumGene;
import io.jenetics.Genotype;
import io.jenetics.PermutationChromosome;
import io.jenetics.util.ISeq;
import java.util.stream.IntStream;

/**
 * The chromosome: a giant tour over customers 1..n as a Jenetics {@link PermutationChromosome}
 * of {@link EnumGene}s, converted to and from the int arrays the split and local search use.
 */
final class GiantTour {
    private final ISeq<Integer> customers;

    GiantTour(int customerCount) {
        this.customers = IntStream.rangeClosed(1, customerCount).boxed().collect(ISeq.toISeq());
    }

    Genotype<EnumGene<Integer>> genotype(int[] tour) {
        ISeq<EnumGene<Integer>> genes =
                IntStream.of(tour).mapToObj(c -> EnumGene.of(c - 1, customers)).collect(ISeq.toISeq());
        return Genotype.of(new PermutationChromosome<>(genes));
    }

    /** A uniformly random tour, drawn from Jenetics' {@code RandomRegistry}. */
    Genotype<EnumGene<Integer>> random() {
        return Genotype.of(PermutationChromosome.of(customers));
    }

    static ISeq<EnumGene<Integer>> genes(Genotype<EnumGene<Integer>> genotype) {
        return genotype.chromosome().stream().collect(ISeq.toISeq());
    }

    static int[] tour(Genotype<EnumGene<Integer>> genotype) {
        return genotype.chromosome().stream().mapToInt(EnumGene::allele).toArray();
    }

    static int[] tour(ISeq<EnumGene<Integer>> genes) {
        return genes.stream().mapToInt(EnumGene::allele).toArray();
    }
}
