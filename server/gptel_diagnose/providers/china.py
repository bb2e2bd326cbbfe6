"""The records of providers Chinese users reach gptel through, in the order they are listed."""

from __future__ import annotations

from . import (
    baichuan,
    dashscope,
    deepseek,
    hunyuan,
    minimax,
    moonshot,
    qianfan,
    relay,
    siliconflow,
    stepfun,
    volcengine,
    zhipu,
)
from .record import Provider

RECORDS: tuple[Provider, ...] = (
    deepseek.RECORD,
    moonshot.RECORD,
    zhipu.RECORD,
    dashscope.RECORD,
    siliconflow.RECORD,
    volcengine.RECORD,
    minimax.RECORD,
    baichuan.RECORD,
    hunyuan.RECORD,
    qianfan.RECORD,
    stepfun.RECORD,
    relay.RECORD,
)
