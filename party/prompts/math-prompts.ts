/**
 * @module Prompts that set a model to work in the room with its tools.
 */
import { PromptRegistry } from "./registry.ts";

const MODES = ["number", "bignumber", "fraction"];

export const mathPrompts = new PromptRegistry().register(
  {
    name: "calculate",
    title: "Calculate step by step",
    description: "Work out an expression with the room's tools, one call per step, so everyone in the room can follow.",
    arguments: [
      { name: "expression", description: "What to calculate, e.g. (3 + 4)^2 / 7", required: true },
      { name: "mode", description: "number, bignumber (exact decimals) or fraction (exact rationals)" },
    ],
    get: ({ expression, mode }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text:
              `Calculate ${expression} using this room's math tools, one tool call per step, and explain each step briefly.` +
              (mode ? ` Use the ${mode} mode where a tool offers one.` : "") +
              " Every call you make appears in the room's shared log.",
          },
        },
      ],
    }),
    complete: (argument, value) => (argument === "mode" ? MODES.filter((m) => m.startsWith(value)) : []),
  },
  {
    name: "check-my-work",
    title: "Check a worked answer",
    description: "Check someone's answer to a problem by recomputing it with the room's tools.",
    arguments: [
      { name: "problem", description: "The problem as it was posed", required: true },
      { name: "answer", description: "The answer to check", required: true },
    ],
    get: ({ problem, answer }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: `Problem: ${problem}\nProposed answer: ${answer}\nRecompute the answer with this room's tools and say whether it is right; if not, show where it goes wrong.`,
          },
        },
      ],
    }),
  },
);
