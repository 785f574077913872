/**
 * @module Counts the work of an evaluation node by node: every node evaluated spends a unit of the
 * active budget, and every function call enters one level of call depth.
 *
 * mathjs compiles a tree by calling `_compile` on each node; overriding it on the nodes of one parsed
 * tree (not on the classes) counts exactly that tree, including the bodies of functions it defines,
 * which run again on every call. Loops built from user functions are therefore bounded too.
 */
import type { MathNode } from "mathjs";
import { currentBudget } from "./budget.ts";
import type { AnyNode } from "./check-tree.ts";

const INSTRUMENTED = Symbol("instrumented");

export function instrument(root: MathNode): MathNode {
  root.traverse((node) => {
    const target = node as AnyNode & { [INSTRUMENTED]?: true };
    if (target[INSTRUMENTED]) return;
    target[INSTRUMENTED] = true;
    const compile = target._compile;
    const isCall = target.type === "FunctionNode";
    target._compile = function (math, argNames) {
      const evaluate = compile.call(this, math, argNames);
      if (!isCall) {
        return (scope, args, context) => {
          currentBudget().spend(1);
          return evaluate(scope, args, context);
        };
      }
      return (scope, args, context) => {
        const budget = currentBudget();
        budget.spend(1);
        budget.enter();
        try {
          return evaluate(scope, args, context);
        } finally {
          budget.exit();
        }
      };
    };
  });
  return root;
}
