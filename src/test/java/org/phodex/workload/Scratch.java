package org.phodex.workload;
import java.nio.file.Path;
public class Scratch {
  public static void main(String[] a) {
    for (String n : a[0].split(",")) {
      Workload w = Workloads.byNameOrPath(n, Path.of("workloads"));
      Network net = w.network().get();
      long t0 = System.nanoTime();
      Accuracy acc = net.floatAccuracy(100000);
      System.out.println(n + " acc " + acc + " " + acc.top1() + " " + net.weightsOrigin() + " total " + (System.nanoTime()-t0)/1e9);
    }
  }
}
