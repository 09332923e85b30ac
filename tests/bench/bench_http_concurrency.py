"""Benchmark (issue 11 item 9): the bot's HTTP client (httpx, as PTB's HTTPXRequest uses it) CPU per
request against how many requests are in flight at once, on loopback.

    python tests/bench/bench_http_concurrency.py [--in-flight 1,8,16,32] [--requests 2000] [--rounds 3]

A minimal keep-alive HTTP server answering like sendMessage runs in a child process (so its CPU is
not counted); this process sends the requests, N at a time, and prints its own CPU per request.
Every update the bot handles sends its replies, so the bot's CONCURRENT_UPDATES is about the number
in flight: httpcore's pool walks every connection (polling each idle socket) whenever a request
starts or ends, so the cost per request grows with it. Prints only."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time

import httpx

BODY = b'{"ok":true,"result":{"message_id":1}}'


async def serve(port: int) -> None:
    """Answer every request on the connection with BODY (Content-Length bodies only)."""

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(h.split(b":")[1]) for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                             % (len(BODY), BODY))  # fmt: skip
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, StopIteration):
            writer.close()

    server = await asyncio.start_server(connection, "127.0.0.1", port)
    await server.serve_forever()


async def measure(port: int, in_flight: int, requests: int) -> float:
    """Microseconds of this process's CPU per request with `in_flight` requests at once."""
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)  # PTB's default pool
    async with httpx.AsyncClient(limits=limits) as client:
        for timed in (False, True):  # the first pass opens the connections
            left = requests

            async def sender() -> None:
                nonlocal left
                while left > 0:
                    left -= 1
                    await client.post(f"http://127.0.0.1:{port}/bot/sendMessage", json={"chat_id": 1, "text": "x"})

            cpu = time.process_time()
            await asyncio.gather(*(sender() for _ in range(in_flight)))
            if timed:
                return (time.process_time() - cpu) / requests * 1e6
    raise AssertionError("unreachable")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--in-flight", default="1,8,16,32")
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--port", type=int, default=18765)
    p.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.serve:
        asyncio.run(serve(args.port))
        return 0
    server = subprocess.Popen([sys.executable, __file__, "--serve", "--port", str(args.port)])
    try:
        time.sleep(1.0)
        for r in range(args.rounds):
            for n in [int(x) for x in args.in_flight.split(",")]:
                us = asyncio.run(measure(args.port, n, args.requests))
                print(
                    f"round {r} in flight {n:3d}: {us:6.0f} us client CPU per request (load {os.getloadavg()[0]:.1f})"
                )
    finally:
        server.kill()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
