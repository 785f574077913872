/**
 * @module The conformance suite's resources and prompts.
 */
import { PromptRegistry } from "../prompts/registry.ts";
import { ResourceRegistry } from "../resources/registry.ts";
import { IMAGE_BASE64, IMAGE_MIME } from "./media.ts";
import { elicit, field } from "./mrtr-tools.ts";

export const conformanceResources = new ResourceRegistry()
  .resource(
    {
      uri: "test://static-text",
      name: "static-text",
      title: "Static Text Resource",
      description: "A static text resource for testing",
      mimeType: "text/plain",
      read: () => [{ uri: "test://static-text", mimeType: "text/plain", text: "This is the content of the static text resource." }],
    },
    {
      uri: "test://static-binary",
      name: "static-binary",
      title: "Static Binary Resource",
      description: "A static binary resource (an image) for testing",
      mimeType: IMAGE_MIME,
      read: () => [{ uri: "test://static-binary", mimeType: IMAGE_MIME, blob: IMAGE_BASE64 }],
    },
    {
      uri: "test://watched-resource",
      name: "watched-resource",
      title: "Watched Resource",
      description: "A resource to subscribe to",
      mimeType: "text/plain",
      read: () => [{ uri: "test://watched-resource", mimeType: "text/plain", text: "Watched resource content" }],
    },
  )
  .template({
    uriTemplate: "test://template/{id}/data",
    name: "template",
    title: "Template Resource",
    description: "A resource made from a template, by id",
    mimeType: "application/json",
    read: ({ id }, uri) => [{ uri, mimeType: "application/json", text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) }],
    complete: (_variable, value) => ["123", "456", "789"].filter((id) => id.startsWith(value)),
  });

export const conformancePrompts = new PromptRegistry().register(
  {
    name: "test_simple_prompt",
    description: "A simple prompt without arguments",
    get: () => ({ messages: [{ role: "user", content: { type: "text", text: "This is a simple prompt for testing." } }] }),
  },
  {
    name: "test_prompt_with_arguments",
    description: "A prompt with two required arguments",
    arguments: [
      { name: "arg1", description: "First test argument", required: true },
      { name: "arg2", description: "Second test argument", required: true },
    ],
    get: ({ arg1, arg2 }) => ({
      messages: [{ role: "user", content: { type: "text", text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` } }],
    }),
    complete: (_argument, value) => ["testValue1", "testValue2", "test"].filter((v) => v.startsWith(value)),
  },
  {
    name: "test_prompt_with_embedded_resource",
    description: "A prompt that embeds a resource",
    arguments: [{ name: "resourceUri", description: "URI of the resource to embed", required: true }],
    get: ({ resourceUri }) => ({
      messages: [
        { role: "user", content: { type: "resource", resource: { uri: resourceUri!, mimeType: "text/plain", text: "Embedded resource content for testing." } } },
        { role: "user", content: { type: "text", text: "Please process the embedded resource above." } },
      ],
    }),
  },
  {
    name: "test_input_required_result_prompt",
    description: "A prompt that asks the user for context first (multi round-trip)",
    get: async (_args, { ask }) => {
      const { user_context } = await ask({ user_context: elicit("What context should the prompt use?", "context") });
      return { messages: [{ role: "user", content: { type: "text", text: `Prompt with context: ${field(user_context, "context")}` } }] };
    },
  },
  {
    name: "test_prompt_with_image",
    description: "A prompt that carries an image",
    get: () => ({
      messages: [
        { role: "user", content: { type: "image", data: IMAGE_BASE64, mimeType: IMAGE_MIME } },
        { role: "user", content: { type: "text", text: "Please analyze the image above." } },
      ],
    }),
  },
);
