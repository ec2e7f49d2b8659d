// The tutorial's MockAPIFunction (definitions/functions/mock_api.py) as a Node.js ES module.
class TooManyRequestsException extends Error {
  constructor(message) {
    super(message);
    this.name = 'TooManyRequestsException';
  }
}

class ServerUnavailableException extends Error {
  constructor(message) {
    super(message);
    this.name = 'ServerUnavailableException';
  }
}

class UnknownException extends Error {
  constructor(message) {
    super(message);
    this.name = 'UnknownException';
  }
}

export const handler = async (event) => {
  const statuscode = event.statuscode;
  if (statuscode === '429') {
    throw new TooManyRequestsException('429 Too Many Requests');
  } else if (statuscode === '503') {
    throw new ServerUnavailableException('503 Server Unavailable');
  } else if (statuscode === '200') {
    return '200 OK';
  } else {
    throw new UnknownException('Unknown error');
  }
};
