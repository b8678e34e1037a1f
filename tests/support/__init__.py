"""Helpers shared by the render matrix and the generated-project runs.

Nothing here is a test: these modules find tools, start throwaway servers and
read tool output, so that the tests themselves read as specifications.
"""
