package com.quanyu.routes.solver.internal;

import io.jenetics.Crossover;
import io.jenetics.EnumGene;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.random.RandomGenerator;

/**
 * Order crossover (OX, Davis 1985) as a Jenetics {@link Crossover} over permutation genes: the
 * child keeps a random wrapping slice of one parent in place and fills the other positions, from
 * after the slice onwards, with the missing genes in the other parent's order. Jenetics ships PMX
 * but not OX; OX is the operator HGS uses on giant tours because it preserves relative order,
 * which is what the split turns into routes. Usable in a Jenetics {@code Engine} as an alterer,
 * and called directly by the steady-state HGS loop.
 */
public final class OrderCrossover<T, C extends Comparable<? super C>> extends Crossover<EnumGene<T>, C> {

    public OrderCrossover(double probability) {
        super(probability);
    }

    /** One child of {@code first} and {@code second}; the randomness comes from {@link RandomRegistry}. */
    public ISeq<EnumGene<T>> child(ISeq<EnumGene<T>> first, ISeq<EnumGene<T>> second) {
        MSeq<EnumGene<T>> a = first.copy();
        MSeq<EnumGene<T>> b = second.copy();
        crossover(a, b);
        return a.toISeq();
    }

    @Override
    protected int crossover(MSeq<EnumGene<T>> that, MSeq<EnumGene<T>> other) {
        int n = that.length();
        if (n < 2) {
            return 0;
        }
        RandomGenerator random = RandomRegistry.random();
        int start = random.nextInt(n);
        int end = random.nextInt(n);
        while (end == start) {
            end = random.nextInt(n);
        }
        ISeq<EnumGene<T>> a = that.toISeq();
        ISeq<EnumGene<T>> b = other.toISeq();
        fill(that, a, b, start, end);
        fill(other, b, a, start, end);
        return 2;
    }

    /** target := slice [start..end] (wrapping) of keep, rest in the order of fill. */
    private static <T> void fill(
            MSeq<EnumGene<T>> target, ISeq<EnumGene<T>> keep, ISeq<EnumGene<T>> order, int start, int end) {
        int n = keep.length();
        boolean[] used = new boolean[n];
        int position = start;
        while (true) {
            EnumGene<T> gene = keep.get(position);
            target.set(position, gene);
            used[gene.alleleIndex()] = true;
            if (position == end) {
                break;
            }
            position = (position + 1) % n;
        }
        int write = (end + 1) % n;
        for (int i = 1; i <= n; i++) {
            EnumGene<T> gene = order.get((end + i) % n);
            if (!used[gene.alleleIndex()]) {
                target.set(write, gene);
                write = (write + 1) % n;
            }
        }
    }
}
