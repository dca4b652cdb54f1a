"""A small MJPEG server on 127.0.0.1, as IP cameras and phone apps ("IP Webcam") serve their picture:
multipart/x-mixed-replace JPEG frames over HTTP, 30 a second, showing a number that goes up every
``hold_frames`` frames. Tests start it, stop it (the stream is lost) and start it again on the same port
(the camera comes back)."""
from __future__ import annotations

import http.server
import socketserver
import threading
import time

import cv2
import numpy as np


def lcd_frame(number: int, size=(240, 400)) -> np.ndarray:
    frame = np.full((*size, 3), (190, 205, 180), np.uint8)
    cv2.putText(frame, f"{number}", (40, 140), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (30, 30, 30), 4)
    return frame


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
        self.end_headers()
        number = 0
        try:
            while not self.server.stopping.is_set():
                jpeg = cv2.imencode(".jpg", lcd_frame(number // self.server.hold_frames))[1].tobytes()
                self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n" % len(jpeg)
                                 + jpeg + b"\r\n")
                self.server.frames_sent += 1
                number += 1
                time.sleep(1 / 30)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True


class MjpegServer:
    def __init__(self, port: int = 0, hold_frames: int = 1):
        self.port, self.hold_frames = port, hold_frames
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/video"

    @property
    def frames_sent(self) -> int:
        return self._server.frames_sent if self._server else 0

    def start(self) -> MjpegServer:
        self._server = _Server(("127.0.0.1", self.port), _Handler)
        self._server.stopping = threading.Event()
        self._server.frames_sent = 0
        self._server.hold_frames = self.hold_frames
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="mjpeg-server")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Cut the stream: clients see it end; every server thread has ended when this returns."""
        if self._server is None:
            return
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()  # joins the request threads (block_on_close)
        self._thread.join()
        self._server = self._thread = None
