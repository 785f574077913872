"""Follows a math-mcp room with the official Python SDK (2.x), as any standard client can: it connects
(the SDK negotiates the era by itself), listens for updates of room://log, and reads the log on each.

Usage: python3 follow_room.py URL COUNT
Prints one JSON line per step: {"era": ...}, {"ready": true} once listening, {"called": ...} after its
own call, then {"event": ...} for each of the first COUNT events of the room, in log order.
"""

import asyncio
import json
import sys

from mcp import Client


def say(value: object) -> None:
    print(json.dumps(value), flush=True)


async def main(url: str, count: int) -> None:
    async with Client(url) as client:
        say({"era": client.protocol_version})
        seen: list[dict] = []

        async def read_new() -> None:
            result = await client.read_resource(f"room://log/{seen[-1]['seq'] if seen else 0}", cache_mode="bypass")
            for event in json.loads(result.contents[0].text)["events"]:
                seen.append(event)
                say({"event": event})

        async with client.listen(resource_subscriptions=["room://log"]) as subscription:
            say({"ready": True})
            await sys_stdin_line()
            called = await client.call_tool("multiply", {"a": 6, "b": 7})
            say({"called": called.structured_content})
            await read_new()
            async for _update in subscription:
                if len(seen) >= count:
                    break
                await read_new()
                if len(seen) >= count:
                    break


async def sys_stdin_line() -> None:
    """Waits for the test to say go (a line on stdin), so every follower is listening first."""
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
